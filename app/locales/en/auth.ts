import type { Messages } from "../sv";

export const auth: Messages["auth"] = {};
