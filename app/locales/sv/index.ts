/**
 * Every word the interface shows in Swedish, the default language, by part of the portal. English
 * (../en) must have the same shape: the type below makes a missing translation a type error.
 */
import { account } from "./account";
import { admin } from "./admin";
import { auth } from "./auth";
import { board } from "./board";
import { boardIndicators } from "./boardIndicators";
import { boardSummary } from "./boardSummary";
import { errors } from "./errors";
import { forumAdmin } from "./forumAdmin";
import { forumEmails } from "./forumEmails";
import { forums } from "./forums";
import { forumSearch } from "./forumSearch";
import { home } from "./home";
import { initiativeForms } from "./initiativeForms";
import { initiatives } from "./initiatives";
import { organisations } from "./organisations";
import { pages } from "./pages";
import { reach } from "./reach";
import { reports } from "./reports";
import { reminderEmails } from "./reminderEmails";
import { reportAdmin } from "./reportAdmin";
import { shell } from "./shell";
import { threads } from "./threads";

export const sv = { shell, errors, home, auth, pages, admin, organisations, account, forums, threads, forumAdmin, forumSearch, forumEmails, initiatives, initiativeForms, reach, reports, reportAdmin, reminderEmails, board, boardIndicators, boardSummary };

export type Messages = typeof sv;
