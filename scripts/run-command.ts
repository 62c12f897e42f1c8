import { spawn, type ChildProcess } from "node:child_process";

/** Runs a command to completion, inheriting stdio; rejects with its exit code. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

export type TService = { child: ChildProcess; match: RegExpMatchArray; stop: () => void };

/** Starts a long-running process and resolves once a line of its output matches `ready`. */
export function startService(
  name: string,
  command: string,
  args: string[],
  /**
   * detached (default): its own process group, so stopping it also stops what npm/npx started
   * underneath. Pass false when a supervisor (Playwright's webServer) kills our whole group.
   */
  options: { env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number; detached?: boolean },
): Promise<TService> {
  return new Promise((resolve, reject) => {
    const detached = options.detached ?? true;
    const child = spawn(command, args, { env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"], detached });
    const stop = () => {
      try {
        if (child.pid && child.exitCode === null) process.kill(detached ? -child.pid : child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    };
    process.on("exit", stop);
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${options.timeoutMs ?? 60_000} ms`)), options.timeoutMs ?? 60_000);
    let buffered = "";
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      process.stdout.write(text.replace(/^(?=.)/gm, `[${name}] `));
      buffered += text;
      const match = buffered.match(options.ready);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, stop });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk.toString().replace(/^(?=.)/gm, `[${name}] `)));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready`));
    });
    child.on("error", reject);
  });
}
