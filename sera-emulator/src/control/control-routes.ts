import type { EmulatorContext } from "../context";
import type { Router } from "../http/router";

export function registerControlRoutes(_router: Router, _app: EmulatorContext): void {}
