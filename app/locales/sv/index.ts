/**
 * Every word the interface shows in Swedish, the default language, by part of the portal. English
 * (../en) must have the same shape: the type below makes a missing translation a type error.
 */
import { account } from "./account";
import { admin } from "./admin";
import { auth } from "./auth";
import { errors } from "./errors";
import { home } from "./home";
import { organisations } from "./organisations";
import { pages } from "./pages";
import { shell } from "./shell";

export const sv = { shell, errors, home, auth, pages, admin, organisations, account };

export type Messages = typeof sv;
