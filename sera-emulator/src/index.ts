import { buildEmulator } from "./app";
import { defaultConfig, type EmulatorConfig } from "./config";

export type { EmulatorConfig } from "./config";

export interface RunningEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the emulator on 127.0.0.1 for the emulator's own tests. Options default to the env defaults
 * except port (0 = a free port) and the control API (on), and no data dir unless given.
 */
export async function startEmulator(options: Partial<EmulatorConfig> = {}): Promise<RunningEmulator> {
  const config = defaultConfig({ port: 0, controlEnabled: true, dataDir: null, ...options });
  return listen(config);
}

export async function listen(config: EmulatorConfig): Promise<RunningEmulator> {
  const { app, server } = buildEmulator(config);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://127.0.0.1:${port}`;
  app.baseUrl = url;
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
