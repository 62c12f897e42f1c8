// The embedded database's own thread (see ./pglite-thread.ts). Plain JavaScript: it is started
// with `new Worker(path)` by the app server, the scripts and the tests alike, outside any bundler.
import { parentPort, workerData } from "node:worker_threads";
import { messages, PGlite } from "@electric-sql/pglite";

const { dataDir, startParams } = workerData;
const db = new PGlite(dataDir, { startParams });

/** Values cross the thread as Postgres's text: the caller parses them with its own parsers. */
const asText = (value) => value;
let textParsers = {};

/** Open transactions by id: the handle PGlite gave the callback, and how to end the callback. */
const transactions = new Map();

function errorToMessage(error) {
  const fields = {};
  for (const key of ["severity", "code", "detail", "hint", "position", "internalPosition", "internalQuery", "where", "schema", "table", "column", "dataType", "constraint", "file", "line", "routine"]) {
    if (error && error[key] !== undefined) fields[key] = error[key];
  }
  return { message: error instanceof Error ? error.message : String(error), databaseError: error instanceof messages.DatabaseError, fields };
}

function shapeResult(result) {
  return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
}

/** BEGIN: resolves with the transaction's id once PGlite runs its callback (it holds the connection until END). */
function begin(id) {
  return new Promise((opened, refused) => {
    let entered = false;
    const finished = db.transaction(
      (tx) =>
        new Promise((resolve, reject) => {
          entered = true;
          transactions.set(id, { tx, resolve, reject, finished, rollingBack: null });
          opened(id);
        }),
    );
    // Failures after the callback ran are reported to END.
    finished.catch((error) => {
      if (!entered) refused(error);
    });
  });
}

/** END: lets PGlite COMMIT (or ROLLBACK when the caller's work failed) and reports how that went. */
async function end(id, failed) {
  const open = transactions.get(id);
  if (!open) throw new Error(`transaction ${id} is not open`);
  transactions.delete(id);
  if (open.rollingBack) await open.rollingBack.catch(() => {});
  if (failed) open.reject(new Error("the transaction's work failed"));
  else open.resolve(null);
  try {
    await open.finished;
  } catch (error) {
    if (!failed) throw error;
  }
  return null;
}

async function handle(request) {
  const target = request.transactionId === undefined ? db : transactions.get(request.transactionId)?.tx;
  if (!target) throw new Error(`transaction ${request.transactionId} is not open`);
  switch (request.op) {
    case "query":
      return shapeResult(await target.query(request.sql, request.params, { rowMode: request.rowMode, parsers: textParsers }));
    case "exec":
      return (await target.exec(request.sql, { parsers: textParsers })).map(shapeResult);
    case "begin":
      return await begin(request.id);
    case "rollback": {
      const open = transactions.get(request.transactionId);
      open.rollingBack = open.tx.rollback();
      await open.rollingBack;
      return null;
    }
    case "end":
      return await end(request.transactionId, request.failed === true);
    case "close":
      await db.close();
      return null;
    default:
      throw new Error(`unknown operation ${request.op}`);
  }
}

parentPort.on("message", (request) => {
  handle(request).then(
    (result) => parentPort.postMessage({ id: request.id, result }),
    (error) => parentPort.postMessage({ id: request.id, error: errorToMessage(error) }),
  );
});

try {
  await db.waitReady;
  // Every type PGlite would parse (its array types included) comes back as text instead.
  textParsers = Object.fromEntries(Object.keys(db.parsers).map((oid) => [oid, asText]));
  const arrays = await db.query(
    `SELECT b.oid, b.typarray FROM pg_catalog.pg_type a LEFT JOIN pg_catalog.pg_type b ON b.oid = a.typelem
     WHERE a.typcategory = 'A' GROUP BY b.oid, b.typarray ORDER BY b.oid`,
    [],
    { parsers: textParsers },
  );
  parentPort.postMessage({ ready: true, arrayTypes: arrays.rows.map((row) => [Number(row.oid), Number(row.typarray)]) });
} catch (error) {
  parentPort.postMessage({ ready: false, error: errorToMessage(error) });
}
