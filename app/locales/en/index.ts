import type { Messages } from "../sv";
import { account } from "./account";
import { admin } from "./admin";
import { auth } from "./auth";
import { errors } from "./errors";
import { home } from "./home";
import { organisations } from "./organisations";
import { pages } from "./pages";
import { shell } from "./shell";

export const en: Messages = { shell, errors, home, auth, pages, admin, organisations, account };
