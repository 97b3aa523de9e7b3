import type { Messages } from "../sv";
import { auth } from "./auth";
import { errors } from "./errors";
import { home } from "./home";
import { pages } from "./pages";
import { shell } from "./shell";

export const en: Messages = { shell, errors, home, auth, pages };
