import type { Messages } from "../sv";

export const organisations: Messages["organisations"] = {};
