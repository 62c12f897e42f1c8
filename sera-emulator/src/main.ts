import { configFromEnv } from "./config";
import { listen } from "./index";

const emulator = await listen(configFromEnv());
// Tests and ShipDesk scripts parse exactly this line to learn the port.
console.log(`SERA emulator listening on ${emulator.url}`);

const stop = () => emulator.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
