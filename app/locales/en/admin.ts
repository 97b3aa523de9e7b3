import type { Messages } from "../sv";

export const admin: Messages["admin"] = {};
