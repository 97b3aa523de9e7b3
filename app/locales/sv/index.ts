/**
 * Every word the interface shows in Swedish, the default language, by part of the portal. English
 * (../en) must have the same shape: the type below makes a missing translation a type error.
 */
import { auth } from "./auth";
import { errors } from "./errors";
import { home } from "./home";
import { pages } from "./pages";
import { shell } from "./shell";

export const sv = { shell, errors, home, auth, pages };

export type Messages = typeof sv;
