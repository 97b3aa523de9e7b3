/**
 * A large, deterministic data set on top of the demo seed (issue 10: performance at realistic
 * scale). Everything is generated in the database with set-based SQL (generate_series) in one
 * transaction; ids and values come from md5 of the seed number, so the same seed, scale and "today"
 * give the same rows.
 *
 * Writes run with session_replication_role = replica: no notification or audit rows for history
 * that never happened, and no per-row trigger cost. That also skips the triggers that maintain
 * derived columns and check foreign keys, so this module fills those itself: threads.post_count,
 * last_position and last_post_at, posts.position, initiatives.participants_reached, status and
 * published_at (from the latest progress update), report_events (the workflow history), profiles
 * and identities for the accounts. Search vectors are generated columns and follow by themselves.
 *
 * Demo rows are never changed: demo organisations, forums and periods only gain related rows.
 */
import type pg from "pg";

export interface ScaleOptions {
  /** Seed of the generator (default 1). */
  seed?: number;
  /** Volume factor, e.g. 0.01 for tests (default 1); every volume is at least 1. */
  scale?: number;
  /** YYYY-MM-DD; generated activity lies before the start of this day in Sweden (default: today there). */
  today?: string;
}

export interface ScaleSummary {
  seed: number;
  scale: number;
  today: string;
  /** Rows per table after seeding (demo rows included). */
  counts: Record<ScaleTable, number>;
  /** The long thread (exactly 10,000 posts at scale 1) in the open forum the region user reads. */
  bigThreadId: string;
  bigThreadForumSlug: string;
  bigThreadPosts: number;
  /** An accepted AB Eidar report in a closed generated period (the earliest that exists). */
  eidarAcceptedReportId: string;
  /** Generated periods, newest first (all closed); the demo seed's periods come on top of these. */
  generatedPeriodIds: string[];
  /** A generated account (password samverkan-demo), an active member of AB Eidar where the scale allows. */
  sampleMemberEmail: string;
  durationMs: number;
}

export const SCALE_TABLES = [
  "profiles",
  "organisations",
  "memberships",
  "forums",
  "forum_members",
  "threads",
  "posts",
  "initiatives",
  "initiative_updates",
  "initiative_partners",
  "reporting_periods",
  "reports",
  "report_indicator_values",
  "report_answers",
  "report_events",
] as const;
export type ScaleTable = (typeof SCALE_TABLES)[number];

/** Domain of every generated account's e-mail; its presence marks a database as already seeded. */
export const SCALE_EMAIL_DOMAIN = "skala.example";

/** Target volumes at scale 1 (issue 10), totals including the demo seed's rows. */
export const SCALE_TARGETS = {
  organisations: 300,
  members: 3000,
  forums: 40,
  threads: 5000,
  posts: 100_000,
  bigThreadPosts: 10_000,
  initiatives: 20_000,
  periods: 10,
  reports: 3000,
} as const;

/** What the demo seed already has of each (the generator adds the difference). */
const SEEDED = { organisations: 7, forums: 4, threads: 6, posts: 19, initiatives: 12, periods: 2, reports: 6 } as const;

export interface ScaleVolumes {
  users: number;
  organisations: number;
  forums: number;
  threads: number;
  bigThreadPosts: number;
  otherPosts: number;
  initiatives: number;
  periods: number;
  reports: number;
  forumBlock: number;
}

/** Generated volumes for a scale factor: the target times the scale, less the seed's rows, at least 1. */
export function scaleVolumes(scale: number): ScaleVolumes {
  const n = (target: number, seeded = 0) => Math.max(1, Math.round(target * scale) - seeded);
  const users = n(SCALE_TARGETS.members);
  const threads = n(SCALE_TARGETS.threads, SEEDED.threads);
  const bigThreadPosts = n(SCALE_TARGETS.bigThreadPosts);
  // Every other thread has at least its opening post; the rest of the posts spread with a skew.
  const otherPosts = threads === 1 ? 0 : Math.max(threads - 1, n(SCALE_TARGETS.posts, SEEDED.posts) - bigThreadPosts);
  return {
    users,
    organisations: n(SCALE_TARGETS.organisations, SEEDED.organisations),
    forums: n(SCALE_TARGETS.forums, SEEDED.forums),
    threads,
    bigThreadPosts,
    otherPosts,
    initiatives: n(SCALE_TARGETS.initiatives, SEEDED.initiatives),
    periods: n(SCALE_TARGETS.periods, SEEDED.periods),
    reports: n(SCALE_TARGETS.reports, SEEDED.reports),
    forumBlock: Math.min(users, 40),
  };
}

/** Today's date in Sweden, YYYY-MM-DD. */
export function swedishToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export class ScaleSeedError extends Error {}

// Fixed ids of the demo seed (supabase/seed.sql).
const demo = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, "0")}`;
const COORDINATOR = demo("aaaaaaaa", 1);
const EIDAR_USER = demo("aaaaaaaa", 3);
const ASSOCIATION_USER = demo("aaaaaaaa", 4);
const REGION_USER = demo("aaaaaaaa", 5);
const EIDAR_ORG = demo("bbbbbbbb", 1);
const OPEN_FORUM = demo("ffffffff", 1);
const OPEN_FORUM_SLUG = "samverkan-i-trollhattan";

/** A SQL text[] literal of plain strings (the vocabulary below; no user input). */
const arr = (values: readonly string[]) => `array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")}]::text[]`;

const FIRST_NAMES = ["Anna", "Erik", "Maria", "Lars", "Fatima", "Mohammed", "Sara", "Johan", "Amina", "Ali", "Emma", "Karl",
  "Leila", "Ahmed", "Elin", "Oscar", "Hanna", "Yusuf", "Ida", "Mustafa", "Sofia", "Per", "Zainab", "Nils", "Maja", "Hassan",
  "Linnea", "Daniel", "Aisha", "Olof", "Nour", "Gustav"];
const LAST_NAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
  "Gustafsson", "Ali", "Mohamed", "Hassan", "Ahmadi", "Yilmaz", "Abdi", "Berg", "Lindqvist", "Holm", "Ekström", "Sandberg",
  "Nyström", "Haddad", "Omar", "Jönsson", "Lund", "Axelsson", "Khalil"];
const TITLES = ["Verksamhetsledare", "Fritidsledare", "Ordförande", "Kassör", "Samordnare", "Volontärsamordnare", "Projektledare",
  "Områdesutvecklare", "Handläggare", "Socialsekreterare", "Kurator", "Föreningsaktiv", "Styrelseledamot", "Hälsokommunikatör"];
const DISTRICTS = ["Centrum", "Kronogården", "Lextorp", "Sylte", "Hjulkvarn", "Skoftebyn", "Stavre", "Strandmon", "Sjuntorp",
  "Upphärad", "Velanda", "Öresjö", "Nordstaden", "Halvorstorp"];
const TARGET_GROUPS = ["barn", "unga", "unga_vuxna", "kvinnor", "nyanlanda", "foraldrar", "aldre", "arbetssokande",
  "funktionsnedsattning", "alla"];
const FOCUS_AREAS = ["arbete", "sprak", "utbildning", "halsa", "trygghet", "boende", "fritid_kultur", "delaktighet",
  "samhallsorientering", "foraldraskap"];
const ACTIVITIES = ["Läxhjälp för mellanstadiet", "Språkcafé", "Föräldraträffar", "Nattvandring", "Sommarjobb för unga",
  "Öppen förskola", "Fotbollsskola", "Simskola för vuxna", "Jobbcoachning", "Cykelskola för kvinnor", "Kulturkvällar",
  "Samhällsorientering på modersmål", "Trygghetsvandringar", "Lovaktiviteter", "Träffpunkt för seniorer", "Mentorsprogram",
  "Digital vardagshjälp", "Odlingslotter och grannsamverkan", "Ungdomsråd", "Stöd till nyanlända familjer",
  "Motion och hälsa för kvinnor", "Praktik i vård och omsorg", "Boendeskola", "Fritidsgård på helger", "Matlagningskurs"];
const SUMMARIES = ["Regelbundna träffar med volontärer och personal, öppet för alla i området.",
  "Ett samarbete mellan föreningar och staden för att nå fler barn och unga.",
  "Insatsen ger deltagarna verktyg, nätverk och stöd på vägen mot arbete och studier.",
  "Kostnadsfria aktiviteter på kvällar och helger, med fokus på trygghet och gemenskap.",
  "Språkstöd och samhällsinformation i små grupper, med tolk vid behov.",
  "Boende är med och planerar och genomför aktiviteterna tillsammans med oss."];
const DESCRIPTIONS = ["Verksamheten bygger på ideella krafter och samarbete med skolan, biblioteket och bostadsbolaget.",
  "Vi följer upp deltagarnas erfarenheter efter varje termin och justerar upplägget efter det.",
  "Aktiviteterna sker i lokaler nära där deltagarna bor och är anpassade efter olika åldrar.",
  "Målet är att fler ska känna sig delaktiga i samhället och trygga i sitt bostadsområde.",
  "Insatsen finansieras delvis av föreningsbidrag och delvis av egna medel."];
const FORUM_TOPICS: readonly (readonly [string, string])[] = [["Föräldrastöd", "foraldrastod"], ["Trygghet", "trygghet"],
  ["Fritid och idrott", "fritid-och-idrott"], ["Arbete och praktik", "arbete-och-praktik"], ["Språk och läxhjälp", "sprak-och-laxhjalp"],
  ["Hälsa", "halsa"], ["Boende", "boende"], ["Kultur", "kultur"], ["Seniorer", "seniorer"], ["Unga vuxna", "unga-vuxna"]];
const THREAD_TITLES = ["Lokal för helgaktiviteter – någon som har tips?", "Erfarenheter av att rekrytera volontärer",
  "Sommarlovet – vem gör vad?", "Tolkstöd till föräldramöten", "Inbjudan till nätverksträff", "Statistik om deltagare – hur räknar ni?",
  "Samarbete med skolorna kring läxhjälp", "Söker partner till ansökan om bidrag", "Belysning och trygghet i gångstråken",
  "Tips på kostnadsfria aktiviteter för barn", "Hur når vi fler kvinnor?", "Praktikplatser till hösten",
  "Rapportering till kommunstyrelsen – frågor", "Nya regler för föreningsbidrag", "Utvärdering av vårens aktiviteter"];
const POST_SENTENCES = ["Tack för att ni tar upp det här.", "Vi har haft liknande erfarenheter i vår verksamhet.",
  "Det fungerade bäst när vi bokade lokal minst tre veckor i förväg.", "Kan vi ta frågan vidare på nästa samverkansmöte?",
  "Vi når ungefär trettio deltagare per vecka just nu.", "Tolkbehovet har ökat under hösten.",
  "Föräldrarna efterfrågar mer information på arabiska och somaliska.", "Vi kan bidra med två volontärer på lördagar.",
  "Bra idé – vi hänger gärna på.", "Har någon kontaktuppgifter till fritidsgården i Sylte?",
  "Bidragsansökan ska vara inne före månadsskiftet.", "Skolan är positiv till att vi använder matsalen efter klockan fem.",
  "Vi har skrivit ihop en kort sammanställning som jag bifogar i rapporten.", "Hör av er direkt till mig om ni vill samordna.",
  "Det blev fler deltagare än vi räknat med, så vi behöver fler ledare.", "Vi testar ett nytt upplägg med kortare träffar."];
const ANSWERS = ["Vi har genomfört aktiviteterna enligt plan, med något färre träffar under sommaren.",
  "Fler deltagare än förra perioden, särskilt bland unga.", "Samverkan med skolan och bostadsbolaget har fungerat väl.",
  "Svårt att hitta lokaler och ledare under loven.", "Vi fortsätter och vill utöka till ett område till nästa period.",
  "Deltagarna ger verksamheten höga betyg i vår enkät."];
const RETURN_COMMENTS = ["Komplettera gärna med antal deltagare per stadsdel.", "Beskriv samverkan med andra aktörer tydligare.",
  "Värdet för volontärtimmar saknas – lägg till eller kommentera."];
const QUESTIONS: readonly (readonly [string, string | null, boolean])[] = [
  ["Vilka aktiviteter har ni genomfört under perioden?", "Beskriv kort vad ni har gjort, var och för vilka.", true],
  ["Vilka resultat har ni sett?", "Gärna med siffror: hur många har ni nått, vad har förändrats?", true],
  ["Hur har ni samverkat med andra aktörer?", "Vilka föreningar, myndigheter eller företag har ni arbetat med?", true],
  ["Vilka utmaningar har ni mött?", null, false],
  ["Vad är nästa steg?", null, true],
];

/**
 * The generation, statement by statement. Temporary tables (sc_*) carry what later statements
 * join on; they vanish at commit. `r(k, n)` is a uniform number in [0, 1) for key k and row n.
 */
function statements(seed: number, v: ScaleVolumes, today: string): string[] {
  const pick = (values: readonly string[], r: string) => `(${arr(values)})[1 + floor((${r}) * ${values.length})::int]`;
  const anchor = `(date '${today}')::timestamp at time zone 'Europe/Stockholm'`;
  return [
    // Deterministic uuids (version 4 layout, so uuid validators accept them) and random numbers.
    // Single immutable expressions (n::text, not text || bigint, which is only stable) so that the
    // planner inlines them: a called SQL function costs ten times more per row.
    `create function pg_temp.sid(k text, n bigint) returns uuid language sql immutable as $$
       select overlay(overlay(md5('${seed}:' || k || ':' || n::text) placing '4' from 13) placing '8' from 17)::uuid $$`,
    `create function pg_temp.r(k text, n bigint) returns double precision language sql immutable as $$
       select ('x' || substr(md5('${seed}:r:' || k || ':' || n::text), 1, 12))::bit(48)::bigint::double precision / 281474976710656::double precision $$`,
    `create temp table sc_const on commit drop as select ${anchor} as anchor`,

    // Accounts ------------------------------------------------------------------------------------
    `create temp table sc_users on commit drop as
     select g as idx, pg_temp.sid('user', g) as id,
            ${pick(FIRST_NAMES, "pg_temp.r('fn', g)")} as first_name, ${pick(LAST_NAMES, "pg_temp.r('ln', g)")} as last_name,
            ${pick(TITLES, "pg_temp.r('title', g)")} as title,
            timestamptz '2021-01-04 09:00+01' + (pg_temp.r('uc', g) * 1000) * interval '1 hour' as created_at
       from generate_series(1, ${v.users}) g`,
    `alter table sc_users add column email text`,
    `update sc_users set email = translate(lower(first_name || '.' || last_name), 'åäöéü', 'aaoeu') || '.' || idx || '@${SCALE_EMAIL_DOMAIN}'`,
    `create unique index on sc_users (idx)`,
    `analyze sc_users`,
    // One bcrypt hash (cost 4, fixed salt) for all: deterministic, fast, and they can sign in.
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
       confirmation_token, recovery_token, email_change_token_new, email_change)
     select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email,
            (select extensions.crypt('samverkan-demo', '$2a$04$SamverkanSkalaSeed0000')), u.created_at,
            '{"provider":"email","providers":["email"]}'::jsonb,
            jsonb_build_object('full_name', u.first_name || ' ' || u.last_name, 'title', u.title, 'locale', 'sv'),
            u.created_at, u.created_at, '', '', '', ''
       from sc_users u order by u.idx`,
    `insert into auth.identities (id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     select pg_temp.sid('identity', u.idx), u.id::text, u.id,
            jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
            'email', null, u.created_at, u.created_at
       from sc_users u order by u.idx`,
    // What the trigger handle_new_user would have written.
    `insert into public.profiles (id, email, full_name, title, locale, created_at, updated_at)
     select u.id, u.email, u.first_name || ' ' || u.last_name, u.title, 'sv', u.created_at, u.created_at
       from sc_users u order by u.idx`,

    // Organisations -------------------------------------------------------------------------------
    `create temp table sc_org_gen on commit drop as
     select g, pg_temp.sid('org', g) as id,
            case when pg_temp.r('kind', g) < 0.45 then 'association' when pg_temp.r('kind', g) < 0.60 then 'business'
                 when pg_temp.r('kind', g) < 0.67 then 'faith_community' when pg_temp.r('kind', g) < 0.75 then 'authority'
                 when pg_temp.r('kind', g) < 0.80 then 'housing_company' when pg_temp.r('kind', g) < 0.83 then 'region'
                 else 'other' end::public.organisation_kind as kind,
            case when g % 100 = 0 then 'pending' when g % 97 = 0 then 'archived' else 'active' end::public.organisation_status as status,
            ${pick(DISTRICTS, "pg_temp.r('od', g)")} as district,
            timestamptz '2020-09-01 10:00+02' + (pg_temp.r('oc', g) * 480) * interval '1 day' as created_at,
            pg_temp.r('board', g) < 0.15 as reports_to_board
       from generate_series(1, ${v.organisations}) g`,
    `insert into public.organisations (id, name, org_number, kind, description, website, contact_email, contact_phone, status,
       reports_to_board, approved_at, approved_by, created_by, created_at, updated_at, districts)
     select o.id,
            case o.kind
              when 'association' then ${pick(["Kulturföreningen", "Idrottsföreningen", "Föräldraföreningen", "Hyresgästföreningen", "Kvinnoföreningen", "Ungdomsföreningen", "Läxhjälpsföreningen"], "pg_temp.r('on', o.g)")} || ' ' || o.district
              when 'business' then o.district || ' ' || ${pick(["Bygg AB", "Fastighetsservice AB", "Städ och Service AB", "Bageri AB", "Redovisning AB", "IT-konsult AB"], "pg_temp.r('on', o.g)")}
              when 'faith_community' then ${pick(["Pingstkyrkan", "Islamiska kulturföreningen", "Ortodoxa församlingen", "Equmeniakyrkan", "Katolska församlingen"], "pg_temp.r('on', o.g)")} || ' ' || o.district
              when 'authority' then ${pick(["Polisen lokalpolisområde", "Försäkringskassan", "Skatteverkets servicekontor", "Frivården", "Migrationsverket"], "pg_temp.r('on', o.g)")} || ' ' || o.district
              when 'housing_company' then ${pick(["Bostadsrättsföreningen", "Fastighets AB", "Hyresbostäder"], "pg_temp.r('on', o.g)")} || ' ' || o.district
              when 'region' then ${pick(["Vårdcentralen", "Folktandvården", "Barnavårdscentralen", "Ungdomsmottagningen"], "pg_temp.r('on', o.g)")} || ' ' || o.district
              else ${pick(["Studieförbundet", "Stiftelsen", "Nätverket", "Kooperativet"], "pg_temp.r('on', o.g)")} || ' ' || o.district
            end,
            '79' || lpad(o.g::text, 4, '0') || '-' || lpad(((o.g * 7919) % 10000)::text, 4, '0'),
            o.kind, ${pick(DESCRIPTIONS, "pg_temp.r('odesc', o.g)")},
            case when pg_temp.r('web', o.g) < 0.5 then 'https://org' || o.g || '.${SCALE_EMAIL_DOMAIN}' end,
            'kontakt@org' || o.g || '.${SCALE_EMAIL_DOMAIN}', null, o.status, o.reports_to_board,
            case when o.status <> 'pending' then o.created_at + interval '2 days' end,
            case when o.status <> 'pending' then '${COORDINATOR}'::uuid end,
            null, o.created_at, o.created_at + interval '2 days', array[o.district]
       from sc_org_gen o order by o.g`,
    `insert into public.organisation_applications (id, org_id, applicant_name, applicant_email, message, created_at)
     select pg_temp.sid('application', o.g), o.id, 'Sökande ' || o.g, 'ansokan@org' || o.g || '.${SCALE_EMAIL_DOMAIN}',
            'Vi vill gärna vara med i samverkan kring barn och unga i ' || o.district || '.', o.created_at
       from sc_org_gen o where o.status = 'pending' order by o.g`,
    // Organisations that take part (not pending), demo ones first so the skews favour them.
    `create temp table sc_orgs on commit drop as
     select row_number() over (order by ord)::int as idx, id, admin_id, status
       from (select * from (values
               (1, '${EIDAR_ORG}'::uuid, '${EIDAR_USER}'::uuid, 'active'::public.organisation_status),
               (2, '${demo("bbbbbbbb", 2)}'::uuid, '${ASSOCIATION_USER}'::uuid, 'active'::public.organisation_status),
               (3, '${demo("bbbbbbbb", 3)}'::uuid, '${REGION_USER}'::uuid, 'active'::public.organisation_status),
               (4, '${demo("bbbbbbbb", 4)}'::uuid, null::uuid, 'active'::public.organisation_status),
               (5, '${demo("bbbbbbbb", 5)}'::uuid, '${demo("aaaaaaaa", 7)}'::uuid, 'active'::public.organisation_status)
             ) d (ord, id, admin_id, status)
             union all
             select 100 + o.g, o.id, (select u.id from sc_users u where u.idx = ((o.g - 1) % ${v.users}) + 1), o.status
               from sc_org_gen o where o.status <> 'pending') x`,
    `create unique index on sc_orgs (idx)`,
    `analyze sc_orgs`,

    // Memberships: each generated organisation's admin, then every other account in one
    // organisation, skewed towards the first (demo) ones.
    `insert into public.memberships (id, org_id, user_id, role, status, invited_by, invited_at, joined_at, created_at, updated_at)
     select pg_temp.sid('membership-admin', o.idx), o.id, o.admin_id, 'admin', 'active', '${COORDINATOR}',
            u.created_at, u.created_at + interval '1 hour', u.created_at, u.created_at + interval '1 hour'
       from sc_orgs o join sc_users u on u.id = o.admin_id
      where o.idx > 5 order by o.idx
     on conflict (org_id, user_id) do nothing`,
    `insert into public.memberships (id, org_id, user_id, role, status, invited_by, invited_at, joined_at, created_at, updated_at)
     select pg_temp.sid('membership', u.idx), o.id, u.id,
            case when pg_temp.r('mrole', u.idx) < 0.06 then 'admin' else 'member' end::public.membership_role,
            case when pg_temp.r('mstat', u.idx) < 0.04 then 'invited' else 'active' end::public.membership_status,
            coalesce(o.admin_id, '${COORDINATOR}'), u.created_at,
            case when pg_temp.r('mstat', u.idx) < 0.04 then null else u.created_at + interval '1 day' end,
            u.created_at, u.created_at + interval '1 day'
       from sc_users u
       join sc_orgs o on o.idx = 1 + floor((select count(*) from sc_orgs) * power(pg_temp.r('morg', u.idx), 1.6))::int
      where u.id not in (select admin_id from sc_orgs where idx > 5 and admin_id is not null)
      order by u.idx
     on conflict (org_id, user_id) do nothing`,

    // Forums --------------------------------------------------------------------------------------
    `create temp table sc_forum_gen on commit drop as
     select g, pg_temp.sid('forum', g) as id,
            case when pg_temp.r('fvis', g) < 0.55 then 'open' when pg_temp.r('fvis', g) < 0.85 then 'closed' else 'private'
            end::public.forum_visibility as visibility,
            1 + floor(pg_temp.r('ftopic', g) * ${FORUM_TOPICS.length})::int as topic,
            ${pick(DISTRICTS, "pg_temp.r('fd', g)")} as district,
            (select anchor from sc_const) - (200 + pg_temp.r('fc', g) * 900) * interval '1 day' as created_at
       from generate_series(1, ${v.forums}) g`,
    `insert into public.forums (id, slug, name, description, visibility, created_by, created_at, updated_at)
     select f.id,
            (${arr(FORUM_TOPICS.map(([, slug]) => slug))})[f.topic] || '-' || f.g,
            (${arr(FORUM_TOPICS.map(([name]) => name))})[f.topic] || ' i ' || f.district,
            'Forum för samverkan kring ' || lower((${arr(FORUM_TOPICS.map(([name]) => name))})[f.topic]) || ' i ' || f.district || '.',
            f.visibility, '${COORDINATOR}', f.created_at, f.created_at
       from sc_forum_gen f order by f.g`,
    // The open demo forum first: the skew of threads favours it.
    `create temp table sc_forums on commit drop as
     select row_number() over (order by ord)::int as idx, id, visibility, created_at
       from (select 1 as ord, '${OPEN_FORUM}'::uuid as id, 'open'::public.forum_visibility as visibility, timestamptz '2025-01-20 09:00+01' as created_at
             union all select 2, '${demo("ffffffff", 3)}', 'open', '2025-03-01 09:00+01'
             union all select 3, '${demo("ffffffff", 2)}', 'closed', '2025-02-15 09:00+01'
             union all select 4, '${demo("ffffffff", 4)}', 'private', '2025-03-10 09:00+01'
             union all select 10 + g, id, visibility, created_at from sc_forum_gen) x`,
    `create unique index on sc_forums (idx)`,
    `analyze sc_forums`,
    // Each forum's community: a block of ${v.forumBlock} consecutive accounts (the first moderates);
    // authors in the forum come from that block.
    `insert into public.forum_members (forum_id, user_id, role, status, created_at, updated_at)
     select f.id, u.id, case when j = 0 then 'moderator' else 'member' end::public.forum_member_role,
            case when f.visibility = 'closed' and j > 0 and pg_temp.r('fms', f.idx * 1000 + j) < 0.06 then 'requested' else 'active'
            end::public.forum_member_status,
            f.created_at + interval '1 day', f.created_at + interval '1 day'
       from sc_forums f cross join generate_series(0, ${v.forumBlock - 1}) j
       join sc_users u on u.idx = ((f.idx * 131 + j) % ${v.users}) + 1
      order by f.idx, j
     on conflict do nothing`,
    // The demo personas belong to some of the generated forums; the coordinator moderates them all.
    `insert into public.forum_members (forum_id, user_id, role, status, created_at, updated_at)
     select f.id, p.user_id, p.role::public.forum_member_role, 'active', f.created_at + interval '2 days', f.created_at + interval '2 days'
       from sc_forum_gen f
       join (values ('${COORDINATOR}'::uuid, 'moderator', 1, 0), ('${REGION_USER}'::uuid, 'member', 3, 0),
                    ('${EIDAR_USER}'::uuid, 'member', 4, 0), ('${ASSOCIATION_USER}'::uuid, 'member', 5, 1)) p (user_id, role, every, rest)
         on f.g % p.every = p.rest
      order by f.g, p.user_id
     on conflict do nothing`,

    // Threads and posts ---------------------------------------------------------------------------
    // Thread 1 is the long one in the open demo forum; the others spread over all forums, most in the
    // first ones.
    `create temp table sc_threads on commit drop as
     select t as idx, pg_temp.sid('thread', t) as id, f.id as forum_id, f.idx as forum_idx,
            case when t = 1 then greatest(f.created_at + interval '1 day', (select anchor from sc_const) - interval '600 days')
                 else f.created_at + ((select anchor from sc_const) - interval '1 day' - f.created_at) * power(pg_temp.r('tc', t), 0.7) end as created_at
       from generate_series(1, ${v.threads}) t
       join sc_forums f on f.idx = case when t = 1 then 1
                                         else 1 + floor((select count(*) from sc_forums) * power(pg_temp.r('tf', t), 2))::int end`,
    `create unique index on sc_threads (idx)`,
    `analyze sc_threads`,
    // Posts in two steps: plain numbers first (thread, author slot), then joins on them; position is
    // the order within the thread. Post p < threads opens thread p + 1; the rest of the other posts
    // land on threads with a strong skew.
    `create temp table sc_post_raw on commit drop as
     select 1 as thread_idx, k as n, true as big,
            case when pg_temp.r('bpa', k) < 0.05 then '${REGION_USER}'::uuid
                 when pg_temp.r('bpa', k) < 0.08 then '${COORDINATOR}'::uuid
                 when pg_temp.r('bpa', k) < 0.10 then '${EIDAR_USER}'::uuid end as demo_author,
            1 + floor(pg_temp.r('bpu', k) * ${v.users})::int as user_idx
       from generate_series(1, ${v.bigThreadPosts}) k
     union all
     select case when p < ${v.threads} then p + 1 else 2 + floor(${Math.max(v.threads - 1, 0)} * power(pg_temp.r('pt', p), 1.8))::int end,
            p, false, null, floor(pg_temp.r('pa', p) * ${v.forumBlock})::int
       from generate_series(1, ${v.otherPosts}) p`,
    `analyze sc_post_raw`,
    `create temp table sc_posts on commit drop as
     select x.*, row_number() over (partition by x.thread_idx order by x.created_at, x.n)::int as position
       from (select case when q.big then pg_temp.sid('bigpost', q.n) else pg_temp.sid('post', q.n) end as id, q.thread_idx, q.n,
                    case when q.big then t.created_at + ((select anchor from sc_const) - interval '1 hour' - t.created_at) * ((q.n - 1)::double precision / ${v.bigThreadPosts})
                         when q.n < ${v.threads} then t.created_at
                         else t.created_at + interval '1 minute' + ((select anchor from sc_const) - interval '2 minutes' - t.created_at) * power(pg_temp.r('pc', q.n), 3) end as created_at,
                    coalesce(q.demo_author, u.id) as author_id,
                    case when q.big then q.n > 1 and pg_temp.r('bph', q.n) < 0.004 else q.n >= ${v.threads} and pg_temp.r('ph', q.n) < 0.004 end as hidden,
                    pg_temp.r(case when q.big then 'bpe' else 'pe' end, q.n) < 0.02 as edited,
                    ${pick(POST_SENTENCES, "pg_temp.r(case when q.big then 'bs1' else 's1' end, q.n)")} || ' ' || ${pick(POST_SENTENCES, "pg_temp.r(case when q.big then 'bs2' else 's2' end, q.n)")}
                      || case when not q.big and pg_temp.r('s3', q.n) < 0.5 then ' ' || ${pick(POST_SENTENCES, "pg_temp.r('s4', q.n)")} else '' end as body
               from sc_post_raw q
               join sc_threads t on t.idx = q.thread_idx
               join sc_users u on u.idx = case when q.big then q.user_idx else ((t.forum_idx * 131 + q.user_idx) % ${v.users}) + 1 end) x`,
    `analyze sc_posts`,
    // Counters as posts_maintain_thread_counters and posts_assign_position keep them.
    `insert into public.threads (id, forum_id, title, author_id, pinned, locked, last_post_at, post_count, last_position, created_at, updated_at)
     select t.id, t.forum_id,
            case when t.idx = 1 then 'Frågor och svar om samverkan i stadsdelarna'
                 else ${pick(THREAD_TITLES, "pg_temp.r('tt', t.idx)")} end,
            first.author_id, t.idx > 1 and pg_temp.r('tp', t.idx) < 0.01, t.idx > 1 and pg_temp.r('tl', t.idx) < 0.02,
            coalesce(a.last_visible, t.created_at), a.visible, a.total, t.created_at, t.created_at
       from sc_threads t
       join (select thread_idx, count(*) filter (where not hidden)::int as visible, count(*)::int as total,
                    max(created_at) filter (where not hidden) as last_visible
               from sc_posts group by thread_idx) a on a.thread_idx = t.idx
       join sc_posts first on first.thread_idx = t.idx and first.position = 1
      order by t.idx`,
    `insert into public.posts (id, thread_id, author_id, body, edited_at, hidden_at, hidden_by, hidden_reason, created_at, updated_at, position)
     select p.id, t.id, p.author_id, p.body,
            case when p.edited then p.created_at + interval '10 minutes' end,
            case when p.hidden then p.created_at + interval '6 hours' end,
            case when p.hidden then '${COORDINATOR}'::uuid end,
            case when p.hidden then 'Hör inte till forumets ämne.' end,
            p.created_at,
            p.created_at + case when p.hidden then interval '6 hours' when p.edited then interval '10 minutes' else interval '0' end,
            p.position
       from sc_posts p join sc_threads t on t.idx = p.thread_idx
      order by p.thread_idx, p.position`,
    // The region user has read most of the long thread; the rest shows as unread.
    `insert into public.thread_reads (user_id, thread_id, last_read_position, read_at)
     values ('${REGION_USER}', pg_temp.sid('thread', 1), greatest(1, ${v.bigThreadPosts} - 25), (select anchor from sc_const) - interval '1 day')`,
    // Per-forum counters as the triggers on threads and forum_members keep them (forum_overview()).
    `select private.recount_forum_counters()`,

    // Initiatives ---------------------------------------------------------------------------------
    `create temp table sc_init on commit drop as
     select i, pg_temp.sid('initiative', i) as id, o.id as org_id, o.idx as org_idx, o.admin_id,
            case when pg_temp.r('is', i) < 0.10 then 'draft' when pg_temp.r('is', i) < 0.18 then 'planned'
                 when pg_temp.r('is', i) < 0.70 then 'ongoing' when pg_temp.r('is', i) < 0.88 then 'completed'
                 when pg_temp.r('is', i) < 0.95 then 'paused' else 'cancelled' end::public.initiative_status as status,
            pg_temp.r('ip', i) < 0.70 as is_public,
            10 + floor(pg_temp.r('ie', i) * 390)::int as expected,
            0.5 + 0.7 * pg_temp.r('if', i) as reach,
            1 + floor(pg_temp.r('iu', i) * 4)::int as updates,
            ${pick(DISTRICTS, "pg_temp.r('d1', i)")} as d1, ${pick(DISTRICTS, "pg_temp.r('d2', i)")} as d2,
            ${pick(TARGET_GROUPS, "pg_temp.r('g1', i)")} as g1, ${pick(TARGET_GROUPS, "pg_temp.r('g2', i)")} as g2,
            ${pick(FOCUS_AREAS, "pg_temp.r('a1', i)")} as a1, ${pick(FOCUS_AREAS, "pg_temp.r('a2', i)")} as a2,
            date '${today}' as today
       from generate_series(1, ${v.initiatives}) i
       join sc_orgs o on o.idx = 1 + floor((select count(*) from sc_orgs) * power(pg_temp.r('io', i), 1.6))::int`,
    `alter table sc_init add column starts_on date, add column ends_on date, add column created_at timestamptz`,
    `analyze sc_init`,
    `update sc_init set
       starts_on = case status when 'draft' then today + 30 + floor(pg_temp.r('sd', i) * 200)::int
                               when 'planned' then today + 10 + floor(pg_temp.r('sd', i) * 300)::int
                               else today - 30 - floor(pg_temp.r('sd', i) * 1800)::int end`,
    `update sc_init set
       ends_on = case when status in ('completed', 'cancelled') then least(starts_on + 60 + floor(pg_temp.r('ed', i) * 700)::int, today - 1)
                      when pg_temp.r('ed', i) < 0.5 then null
                      else greatest(starts_on, today) + 30 + floor(pg_temp.r('ed2', i) * 500)::int end,
       created_at = case when status = 'draft' then (select anchor from sc_const) - (1 + pg_temp.r('cd', i) * 120) * interval '1 day'
                         else least((starts_on - 30 - floor(pg_temp.r('cd', i) * 60)::int)::timestamp at time zone 'Europe/Stockholm' + interval '10 hours',
                                    (select anchor from sc_const) - interval '1 day') end`,
    // Progress updates of started initiatives: spread from the start to the end (or yesterday);
    // participants grow to the initiative's figure, and the last one carries a final status.
    `create temp table sc_updates on commit drop as
     select s.i, s.id as initiative_id, j, s.updates, s.admin_id, s.status,
            s.starts_on + floor((least(coalesce(s.ends_on, s.today - 1), s.today - 1) - s.starts_on) * j::double precision / s.updates)::int as reported_on,
            round(s.expected * s.reach * j / s.updates)::int as participants
       from sc_init s cross join lateral generate_series(1, s.updates) j
      where s.status not in ('draft', 'planned')`,
    `insert into public.initiatives (id, org_id, title, summary, description, status, starts_on, ends_on, districts, target_groups,
       focus_areas, participants_expected, participants_reached, budget_sek, is_public, contact_email, created_by, updated_by,
       created_at, updated_at, funding_source, published_at)
     select s.id, s.org_id, ${pick(ACTIVITIES, "pg_temp.r('ti', s.i)")} || ' i ' || s.d1,
            ${pick(SUMMARIES, "pg_temp.r('su', s.i)")},
            ${pick(DESCRIPTIONS, "pg_temp.r('de1', s.i)")} || ' ' || ${pick(DESCRIPTIONS, "pg_temp.r('de2', s.i)")},
            s.status, s.starts_on, s.ends_on,
            case when s.d1 = s.d2 or pg_temp.r('dn', s.i) < 0.5 then array[s.d1] else array[s.d1, s.d2] end,
            case when s.g1 = s.g2 or pg_temp.r('gn', s.i) < 0.6 then array[s.g1] else array[s.g1, s.g2] end,
            case when s.a1 = s.a2 or pg_temp.r('an', s.i) < 0.4 then array[s.a1] else array[s.a1, s.a2] end,
            s.expected,
            case when s.status in ('draft', 'planned') then null else round(s.expected * s.reach)::int end,
            case when pg_temp.r('bu', s.i) < 0.2 then null else 1000 * (5 + floor(pg_temp.r('bv', s.i) * 1995)) end,
            s.is_public, 'initiativ' || s.i || '@${SCALE_EMAIL_DOMAIN}', s.admin_id, s.admin_id,
            s.created_at, coalesce(last.reported_on::timestamp at time zone 'Europe/Stockholm' + interval '16 hours', s.created_at),
            case when pg_temp.r('fs', s.i) < 0.3 then ${pick(["Föreningsbidrag", "Egna medel", "Statsbidrag", "Regionala medel", "Fonder och stiftelser"], "pg_temp.r('fv', s.i)")} end,
            case when s.status <> 'draft' then s.created_at end
       from sc_init s left join (select i, max(reported_on) as reported_on from sc_updates group by i) last on last.i = s.i
      order by s.i`,
    `insert into public.initiative_updates (id, initiative_id, reported_on, body, participants_reached, new_status, author_id, created_at, updated_at)
     select pg_temp.sid('update', u.i * 8 + u.j), u.initiative_id, u.reported_on,
            case when u.j = u.updates and u.status in ('completed', 'cancelled', 'paused')
                 then ${pick(["Insatsen är avslutad för den här gången. Tack till alla som deltog.", "Vi pausar verksamheten i väntan på nya ledare och lokaler.", "Sista träffen genomförd; utvärderingen skickas till samverkansgruppen."], "pg_temp.r('ub', u.i * 8 + u.j)")}
                 else ${pick(["Terminen har gått bra och fler deltagare har hittat till oss.", "Nya deltagare via skolan och biblioteket.", "Vi har utökat med en kväll i veckan.", "Jämnt deltagande under perioden, något lägre under loven."], "pg_temp.r('ub', u.i * 8 + u.j)")} end,
            u.participants,
            case when u.j = u.updates and u.status in ('completed', 'cancelled', 'paused') then u.status end,
            u.admin_id,
            u.reported_on::timestamp at time zone 'Europe/Stockholm' + interval '16 hours' + u.j * interval '1 minute',
            u.reported_on::timestamp at time zone 'Europe/Stockholm' + interval '16 hours' + u.j * interval '1 minute'
       from sc_updates u order by u.i, u.j`,
    `insert into public.initiative_partners (initiative_id, org_id, role, created_at)
     select s.id, o.id, ${pick(["Lokaler", "Målgruppskontakt", "Volontärer", "Finansiering", "Praktikplatser", "Kunskapsstöd"], "pg_temp.r('pr', s.i)")}, s.created_at
       from sc_init s
       join sc_orgs o on o.idx = ((s.org_idx - 1 + 1 + floor(pg_temp.r('po', s.i) * ((select count(*) from sc_orgs) - 1))::int) % (select count(*) from sc_orgs)) + 1
      where pg_temp.r('pp', s.i) < 0.25 and o.id <> s.org_id
      order by s.i`,

    // Reporting periods ---------------------------------------------------------------------------
    // Half-years before the demo seed's "Helår 2025", newest first: k = 1 is Halvår 2 2024.
    `create temp table sc_period_gen on commit drop as
     select k, pg_temp.sid('period', k) as id,
            'Halvår ' || (2 - (k - 1) % 2) || ' ' || (2024 - (k - 1) / 2) as name,
            make_date(2024 - (k - 1) / 2, case when k % 2 = 1 then 7 else 1 end, 1) as starts_on
       from generate_series(1, ${v.periods}) k`,
    `insert into public.reporting_periods (id, name, starts_on, ends_on, due_on, status, created_at, updated_at)
     select p.id, p.name, p.starts_on, (p.starts_on + interval '6 months' - interval '1 day')::date,
            (p.starts_on + interval '8 months')::date, 'closed',
            (p.starts_on - interval '1 month')::timestamp at time zone 'Europe/Stockholm',
            (p.starts_on + interval '10 months')::timestamp at time zone 'Europe/Stockholm'
       from sc_period_gen p order by p.k`,
    `insert into public.period_questions (id, period_id, position, question, help, required, created_at, updated_at)
     select pg_temp.sid('question', p.k * 10 + q.position), p.id, q.position, q.question, q.help, q.required,
            (p.starts_on - interval '1 month')::timestamp at time zone 'Europe/Stockholm',
            (p.starts_on - interval '1 month')::timestamp at time zone 'Europe/Stockholm'
       from sc_period_gen p
       cross join (select * from unnest(${arr(QUESTIONS.map(([q]) => q))}, ${arr(QUESTIONS.map(([, h]) => h ?? ""))},
                                        array[${QUESTIONS.map(([, , r]) => String(r)).join(", ")}]::boolean[])
                     with ordinality as x (question, help_text, required, position)) q0
       cross join lateral (select q0.position::int as position, q0.question, nullif(q0.help_text, '') as help, q0.required) q
      order by p.k, q.position`,
    `insert into public.period_indicators (period_id, indicator_id, sort_order)
     select p.id, i.id, i.sort_order from sc_period_gen p
       join public.indicators i on i.code in ('UNG-01', 'TRY-01', 'BOE-01', 'DEL-01', 'VOL-01')
      order by p.k, i.sort_order`,
    `create temp table sc_periods on commit drop as
     select p.id, p.starts_on, p.ends_on, p.due_on, p.status
       from public.reporting_periods p
      where p.id in (select id from sc_period_gen) or p.id in ('${demo("cccccccc", 1)}', '${demo("cccccccc", 2)}')`,

    // Reports -------------------------------------------------------------------------------------
    // Every taking-part organisation reports in every closed period; in the open one three in four
    // have started. Demo organisations first, so they always get theirs.
    `create temp table sc_reports on commit drop as
     select pg_temp.sid('report:' || o.id || ':' || p.id, 0) as id, o.id as org_id, o.idx as org_idx, o.admin_id,
            p.id as period_id, p.status as period_status, p.ends_on, p.due_on,
            pg_temp.r('rs:' || o.id || ':' || p.id, 0) as rs, pg_temp.r('rt:' || o.id || ':' || p.id, 0) as rt
       from sc_orgs o cross join sc_periods p
      where not exists (select 1 from public.reports r where r.org_id = o.id and r.period_id = p.id)
        and not (p.status = 'open' and (o.status = 'archived' or (o.idx > 5 and pg_temp.r('ro:' || o.id, 0) >= 0.75)))
      order by o.idx <= 5 desc, pg_temp.r('rp:' || o.id || ':' || p.id, 0)
      limit ${v.reports}`,
    `alter table sc_reports add column status public.report_status, add column created_at timestamptz,
       add column submitted_at timestamptz, add column reviewed_at timestamptz`,
    `analyze sc_reports`,
    `update sc_reports set status = case
       when period_status = 'open' then
         case when rs < 0.55 then 'draft' when rs < 0.80 then 'submitted' when rs < 0.90 then 'returned' else 'accepted' end
       when org_idx <= 5 then 'accepted'
       else case when rs < 0.88 then 'accepted' when rs < 0.93 then 'submitted' when rs < 0.97 then 'returned' else 'draft' end
     end::public.report_status`,
    `update sc_reports set created_at = case when period_status = 'open'
         then least((select anchor from sc_const) - (5 + rt * 115) * interval '1 day', (select anchor from sc_const) - interval '3 hours')
         else (ends_on + 3 + floor(rt * 22)::int)::timestamp at time zone 'Europe/Stockholm' + interval '9 hours' end`,
    `update sc_reports set submitted_at = case when status <> 'draft'
         then least(created_at + (2 + rt * 28) * interval '1 day', (select anchor from sc_const) - interval '2 hours') end`,
    `update sc_reports set reviewed_at = case when status in ('returned', 'accepted')
         then least(submitted_at + (2 + rs * 18) * interval '1 day', (select anchor from sc_const) - interval '1 hour') end`,
    `insert into public.reports (id, org_id, period_id, status, summary, submitted_at, submitted_by, reviewed_at, reviewed_by,
       review_comment, version, created_by, updated_by, created_at, updated_at, revision)
     select r.id, r.org_id, r.period_id, r.status,
            ${pick(ANSWERS, "r.rt")} || ' ' || ${pick(DESCRIPTIONS, "r.rs")},
            r.submitted_at, case when r.submitted_at is not null then r.admin_id end,
            r.reviewed_at, case when r.reviewed_at is not null then '${COORDINATOR}'::uuid end,
            case when r.status = 'returned' then ${pick(RETURN_COMMENTS, "r.rt")}
                 when r.status = 'accepted' and r.rt < 0.5 then 'Tack, godkänd.' end,
            case when r.status = 'draft' then 0 else 1 end, r.admin_id, r.admin_id,
            r.created_at, coalesce(r.reviewed_at, r.submitted_at, r.created_at + interval '1 hour'), 1
       from sc_reports r order by r.id`,
    // The history reports_record_event would have written: started, one save, then the workflow.
    `insert into public.report_events (report_id, at, actor_id, kind, revision, comment, changed)
     select e.report_id, e.at, e.actor_id, e.kind::public.report_event_kind, e.revision, e.comment, e.changed
       from (select r.id as report_id, r.created_at as at, r.admin_id as actor_id, 'started' as kind, 0 as revision,
                    null::text as comment, '{}'::text[] as changed, 1 as step from sc_reports r
             union all
             select r.id, r.created_at + interval '1 hour', r.admin_id, 'saved', 1, null, array['summary'], 2 from sc_reports r
             union all
             select r.id, r.submitted_at, r.admin_id, 'submitted', 1, null, '{}', 3 from sc_reports r where r.submitted_at is not null
             union all
             select r.id, r.reviewed_at, '${COORDINATOR}', r.status::text, 1, rep.review_comment, '{}', 4
               from sc_reports r join public.reports rep on rep.id = r.id where r.reviewed_at is not null) e
      order by e.report_id, e.step`,
    `insert into public.report_indicator_values (report_id, indicator_id, value, comment, created_at, updated_at)
     select r.id, i.id,
            case when pg_temp.r('nv:' || r.id || ':' || i.code, 0) < 0.03 then null
                 else case i.code when 'TRY-01' then round((50 + pg_temp.r('v:' || r.id || ':' || i.code, 0) * 35)::numeric, 1)
                                  when 'BOE-01' then floor(pg_temp.r('v:' || r.id || ':' || i.code, 0) * 5)
                                  when 'UNG-01' then floor(pg_temp.r('v:' || r.id || ':' || i.code, 0) * 60)
                                  when 'DEL-01' then 10 + floor(pg_temp.r('v:' || r.id || ':' || i.code, 0) * 590)
                                  when 'VOL-01' then floor(pg_temp.r('v:' || r.id || ':' || i.code, 0) * 4000)
                                  else floor(pg_temp.r('v:' || r.id || ':' || i.code, 0) * 100) end end,
            case when pg_temp.r('nv:' || r.id || ':' || i.code, 0) < 0.03 then 'Uppgiften finns inte för perioden.' end,
            r.created_at + interval '1 hour', r.created_at + interval '1 hour'
       from sc_reports r
       join public.period_indicators pi on pi.period_id = r.period_id
       join public.indicators i on i.id = pi.indicator_id
      where pg_temp.r('hv:' || r.id || ':' || i.code, 0) < case when r.status = 'draft' then 0.5 else 0.85 end
      order by r.id, i.code`,
    `insert into public.report_answers (report_id, question_id, body, created_at, updated_at)
     select r.id, q.id, ${pick(ANSWERS, "pg_temp.r('ab:' || r.id || ':' || q.position, 0)")},
            r.created_at + interval '1 hour', r.created_at + interval '1 hour'
       from sc_reports r join public.period_questions q on q.period_id = r.period_id
      where (q.required or pg_temp.r('aq:' || r.id || ':' || q.position, 0) < 0.6)
        and (r.status <> 'draft' or pg_temp.r('ad:' || r.id || ':' || q.position, 0) < 0.5)
      order by r.id, q.position`,
    `insert into public.report_initiatives (report_id, initiative_id, created_at)
     select r.id, i.id, r.created_at + interval '1 hour'
       from sc_reports r
       join (select org_id, id from (select org_id, id, row_number() over (partition by org_id order by id) as n
                                        from sc_init where status <> 'draft') x where n <= 2) i on i.org_id = r.org_id
      where r.status <> 'draft'
      order by r.id, i.id`,
    `insert into public.period_organisations (period_id, org_id, created_at)
     select distinct r.period_id, r.org_id, timestamptz '2020-12-01 09:00+01' from sc_reports r
     on conflict do nothing`,
  ];
}

/** Generates the data set on the connected database (a superuser connection to a seeded stack). */
export async function seedScale(client: pg.Client, options: { seed?: number; scale?: number; today?: string } = {}): Promise<ScaleSummary> {
  const started = Date.now();
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  const today = options.today ?? swedishToday();
  if (!Number.isSafeInteger(seed) || seed < 0) throw new ScaleSeedError(`--seed must be a non-negative integer (got ${seed})`);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10) throw new ScaleSeedError(`--scale must be a number above 0 and at most 10 (got ${scale})`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) throw new ScaleSeedError(`--today must be YYYY-MM-DD (got ${today})`);
  const volumes = scaleVolumes(scale);
  let bigThreadId = "";

  await client.query("begin");
  try {
    // Serialises concurrent runs; the check below then sees a finished run's rows.
    await client.query("lock table public.organisations in share row exclusive mode");
    const { rows: state } = await client.query<{ seeded: boolean; demo: boolean }>(
      `select exists (select 1 from auth.users where email like '%@${SCALE_EMAIL_DOMAIN}') as seeded,
              exists (select 1 from public.forums where id = $1) and exists (select 1 from public.organisations where id = $2) as demo`,
      [OPEN_FORUM, EIDAR_ORG],
    );
    if (state[0]?.seeded) {
      throw new ScaleSeedError(
        `This database already has the scale data set (accounts @${SCALE_EMAIL_DOMAIN} exist). It is generated once per database: start from a fresh one (e.g. remove .data and run npm start) to generate it again.`,
      );
    }
    if (!state[0]?.demo) throw new ScaleSeedError("The demo seed (supabase/seed.sql) is missing: the scale data set builds on it.");
    await client.query("set local session_replication_role = replica");
    // Bulk loads build indexes faster afterwards than row by row (above all the GIN search
    // indexes): set aside the plain indexes of the biggest tables and recreate them as they were.
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
         from pg_index i
        where i.indrelid in ('public.posts'::regclass, 'public.initiatives'::regclass, 'public.initiative_updates'::regclass)
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    );
    for (const index of indexes) await client.query(`drop index ${index.name}`);
    for (const statement of statements(seed, volumes, today)) await client.query(statement);
    for (const index of indexes) await client.query(index.definition);
    await client.query("select public.refresh_initiative_reach_cells()"); // the triggers that keep it were off
    const { rows: big } = await client.query<{ id: string }>("select pg_temp.sid('thread', 1) as id");
    bigThreadId = big[0]!.id;
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  }
  // Fresh statistics (and visibility maps) so the planner sees the real sizes straight away.
  await client.query(`vacuum (analyze) ${SCALE_TABLES.map((t) => `public.${t}`).join(", ")}, public.initiative_partners, public.report_initiatives, auth.users, auth.identities`);

  const { rows: countRows } = await client.query<Record<ScaleTable, string>>(
    `select ${SCALE_TABLES.map((t) => `(select count(*) from public.${t}) as ${t}`).join(", ")}`,
  );
  const counts = Object.fromEntries(SCALE_TABLES.map((t) => [t, Number(countRows[0]![t])])) as Record<ScaleTable, number>;
  // Generated periods are the half-years before the demo seed's first (Helår 2025).
  const { rows: ids } = await client.query<{ eidar: string | null; periods: string[]; member: string }>(
    `select (select r.id from public.reports r join public.reporting_periods p on p.id = r.period_id
              where r.org_id = $1 and r.status = 'accepted' and p.starts_on < '2025-01-01'
              order by p.starts_on desc limit 1) as eidar,
            (select coalesce(array_agg(id order by starts_on desc), '{}') from public.reporting_periods
              where starts_on < '2025-01-01') as periods,
            (select p.email from public.memberships m join public.profiles p on p.id = m.user_id
              where m.status = 'active' and p.email like '%@${SCALE_EMAIL_DOMAIN}'
              order by m.org_id = $1 desc, p.email limit 1) as member`,
    [EIDAR_ORG],
  );
  const row = ids[0]!;
  return {
    seed,
    scale,
    today,
    counts,
    bigThreadId,
    bigThreadForumSlug: OPEN_FORUM_SLUG,
    bigThreadPosts: volumes.bigThreadPosts,
    eidarAcceptedReportId: row.eidar ?? "",
    generatedPeriodIds: row.periods,
    sampleMemberEmail: row.member,
    durationMs: Date.now() - started,
  };
}
