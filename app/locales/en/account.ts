import type { Messages } from "../sv";

export const account: Messages["account"] = {};
