-- Demo data for the embedded stack and `supabase db reset` (never a migration).
-- Runs as a superuser after the migrations: auth.uid() is null, so audit rows get a null actor.
-- Every demo account's password is: samverkan-demo
--
-- Fixed ids (tests refer to them):
--   users          aaaaaaaa-0000-4000-8000-0000000000NN
--   organisations  bbbbbbbb-0000-4000-8000-0000000000NN
--   periods        cccccccc-0000-4000-8000-0000000000NN
--   indicators     dddddddd-0000-4000-8000-0000000000NN
--   reports        eeeeeeee-0000-4000-8000-0000000000NN
--   forums         ffffffff-0000-4000-8000-0000000000NN
--   threads        7a7a7a7a-0000-4000-8000-0000000000NN
--   initiatives    1a1a1a1a-0000-4000-8000-0000000000NN

-- Accounts -----------------------------------------------------------------------------------------
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
  confirmation_token, recovery_token, email_change_token_new, email_change
)
select
  '00000000-0000-0000-0000-000000000000', u.id::uuid, 'authenticated', 'authenticated', u.email,
  extensions.crypt('samverkan-demo', extensions.gen_salt('bf')), now(),
  '{"provider":"email","providers":["email"]}'::jsonb,
  jsonb_build_object('full_name', u.full_name, 'title', u.title, 'locale', 'sv'),
  now(), now(),
  '', '', '', ''
from (values
  ('aaaaaaaa-0000-4000-8000-000000000001', 'samordnare@trollhattan.example', 'Anna Lindqvist',
   'Samordnare för integration och social hållbarhet, Trollhättans Stad'),
  ('aaaaaaaa-0000-4000-8000-000000000002', 'ledamot@trollhattan.example', 'Lars Bergström',
   'Ledamot i kommunstyrelsen'),
  ('aaaaaaaa-0000-4000-8000-000000000003', 'eidar@eidar.example', 'Maria Johansson',
   'Områdesutvecklare, AB Eidar'),
  ('aaaaaaaa-0000-4000-8000-000000000004', 'forening@kronogarden.example', 'Amina Yusuf',
   'Ordförande, Kronogårdens kulturförening'),
  ('aaaaaaaa-0000-4000-8000-000000000005', 'region@vgregion.example', 'Karin Svensson',
   'Folkhälsostrateg, Västra Götalandsregionen'),
  ('aaaaaaaa-0000-4000-8000-000000000006', 'boende@eidar.example', 'Johan Ek',
   'Boendesamordnare, AB Eidar'),
  ('aaaaaaaa-0000-4000-8000-000000000007', 'diakon@svenskakyrkan.example', 'Elin Karlsson',
   'Diakon, Svenska kyrkan i Trollhättan'),
  ('aaaaaaaa-0000-4000-8000-000000000008', 'yasmin@kronogarden.example', 'Yasmin Ali',
   'Fritidsledare, Kronogårdens kulturförening')
) as u (id, email, full_name, title);

insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select u.id::text, u.id,
       jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
       'email', now(), now(), now()
from auth.users u
where u.id::text like 'aaaaaaaa-0000-4000-8000-%';

-- The profiles were created by the auth.users trigger; add what metadata does not carry.
update public.profiles set phone = '0520-49 50 00' where id = 'aaaaaaaa-0000-4000-8000-000000000001';
update public.profiles set phone = '0520-42 21 00' where id = 'aaaaaaaa-0000-4000-8000-000000000003';
update public.profiles set notify_digest = true where id = 'aaaaaaaa-0000-4000-8000-000000000002';

insert into public.platform_roles (user_id, role, granted_by) values
  ('aaaaaaaa-0000-4000-8000-000000000001', 'coordinator', null),
  ('aaaaaaaa-0000-4000-8000-000000000002', 'board', 'aaaaaaaa-0000-4000-8000-000000000001');

-- Organisations ------------------------------------------------------------------------------------
insert into public.organisations
  (id, name, org_number, kind, description, website, contact_email, contact_phone, status, reports_to_board,
   approved_at, approved_by, created_at)
values
  ('bbbbbbbb-0000-4000-8000-000000000001', 'AB Eidar, Trollhättans Bostadsbolag', '556000-1001', 'housing_company',
   'Kommunens bostadsbolag med omkring 6 000 lägenheter. Arbetar med trygghet, boendeinflytande och sommarjobb för unga i bland annat Kronogården, Lextorp och Sylte.',
   'https://eidar.example', 'kundservice@eidar.example', '0520-42 20 00', 'active', true,
   '2025-01-15 09:00+01', 'aaaaaaaa-0000-4000-8000-000000000001', '2025-01-15 09:00+01'),
  ('bbbbbbbb-0000-4000-8000-000000000002', 'Kronogårdens kulturförening', '802400-2002', 'association',
   'Ideell förening som ordnar läxhjälp, språkcafé, kulturkvällar och lovaktiviteter för barn, unga och familjer i Kronogården.',
   'https://kronogarden.example', 'styrelsen@kronogarden.example', null, 'active', false,
   '2025-02-03 10:00+01', 'aaaaaaaa-0000-4000-8000-000000000001', '2025-02-01 18:30+01'),
  ('bbbbbbbb-0000-4000-8000-000000000003', 'Västra Götalandsregionen', '232100-3003', 'region',
   'Regionen ansvarar för hälso- och sjukvård och folkhälsoarbete. I Trollhättan deltar VGR med hälsokommunikatörer och föräldrastöd.',
   'https://vgregion.example', 'folkhalsa@vgregion.example', null, 'active', false,
   '2025-02-10 13:00+01', 'aaaaaaaa-0000-4000-8000-000000000001', '2025-02-10 13:00+01'),
  ('bbbbbbbb-0000-4000-8000-000000000004', 'Arbetsförmedlingen Trollhättan', '202100-4004', 'authority',
   'Statlig myndighet som rustar och matchar arbetssökande. Samverkar med staden kring jobbspår och etablering för nyanlända.',
   'https://arbetsformedlingen.example', 'trollhattan@arbetsformedlingen.example', null, 'active', false,
   '2025-03-01 09:00+01', 'aaaaaaaa-0000-4000-8000-000000000001', '2025-03-01 09:00+01'),
  ('bbbbbbbb-0000-4000-8000-000000000005', 'Svenska kyrkan i Trollhättan', '252005-5005', 'faith_community',
   'Församlingen driver mötesplatser, diakoni och lovaktiviteter i flera stadsdelar, bland annat Sylte, Sjuntorp och Upphärad.',
   'https://svenskakyrkan.example', 'trollhattan@svenskakyrkan.example', null, 'active', false,
   '2025-03-12 11:00+01', 'aaaaaaaa-0000-4000-8000-000000000001', '2025-03-12 11:00+01'),
  ('bbbbbbbb-0000-4000-8000-000000000006', 'Lextorps läxhjälp ideell förening', '802500-6006', 'association',
   'Nystartad förening där studenter från Högskolan Väst ger läxhjälp till mellan- och högstadieelever i Lextorp.',
   null, 'lexhjalp@lextorp.example', null, 'pending', false,
   null, null, '2026-11-18 20:14+01'),
  ('bbbbbbbb-0000-4000-8000-000000000007', 'Stavre Näringslivsnätverk', '769600-7007', 'business',
   'Nätverk för företagare i Stavre och Halvorstorp som erbjöd praktikplatser. Verksamheten är avslutad.',
   null, null, null, 'archived', false,
   '2025-04-01 09:00+02', 'aaaaaaaa-0000-4000-8000-000000000001', '2025-04-01 09:00+02');

insert into public.organisation_applications (org_id, applicant_name, applicant_email, applicant_phone, message, created_at)
values ('bbbbbbbb-0000-4000-8000-000000000006', 'Omar Haddad', 'omar.haddad@lextorp.example', '070-123 45 67',
        'Vi är tolv studenter som vill samverka med skolorna och fritidsgården i Lextorp kring läxhjälp två kvällar i veckan.',
        '2026-11-18 20:14+01');

insert into public.memberships (org_id, user_id, role, status, invited_by, invited_at, joined_at) values
  ('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000003', 'admin',  'active',
   'aaaaaaaa-0000-4000-8000-000000000001', '2025-01-15 09:10+01', '2025-01-15 10:02+01'),
  ('bbbbbbbb-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000006', 'member', 'active',
   'aaaaaaaa-0000-4000-8000-000000000003', '2025-01-20 08:30+01', '2025-01-20 09:15+01'),
  ('bbbbbbbb-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000004', 'admin',  'active',
   'aaaaaaaa-0000-4000-8000-000000000001', '2025-02-03 10:05+01', '2025-02-03 19:40+01'),
  ('bbbbbbbb-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000008', 'member', 'invited',
   'aaaaaaaa-0000-4000-8000-000000000004', '2026-11-24 17:00+01', null),
  ('bbbbbbbb-0000-4000-8000-000000000003', 'aaaaaaaa-0000-4000-8000-000000000005', 'member', 'active',
   'aaaaaaaa-0000-4000-8000-000000000001', '2025-02-10 13:05+01', '2025-02-11 08:20+01'),
  ('bbbbbbbb-0000-4000-8000-000000000005', 'aaaaaaaa-0000-4000-8000-000000000007', 'admin',  'active',
   'aaaaaaaa-0000-4000-8000-000000000001', '2025-03-12 11:05+01', '2025-03-12 14:30+01');

-- Forums -------------------------------------------------------------------------------------------
insert into public.forums (id, slug, name, description, visibility, created_by, created_at) values
  ('ffffffff-0000-4000-8000-000000000001', 'samverkan-i-trollhattan', 'Samverkan i Trollhättan',
   'Öppet forum för alla partner: presentera er, dela erfarenheter och hitta samarbeten kring integration och social hållbarhet.',
   'open', 'aaaaaaaa-0000-4000-8000-000000000001', '2025-01-20 09:00+01'),
  ('ffffffff-0000-4000-8000-000000000002', 'trygghet-kronogarden-lextorp', 'Trygghet i Kronogården och Lextorp',
   'Samverkansforum för trygghetsarbetet i Kronogården och Lextorp. Alla inloggade kan läsa; medlemmar i forumet skriver.',
   'closed', 'aaaaaaaa-0000-4000-8000-000000000001', '2025-02-15 09:00+01'),
  ('ffffffff-0000-4000-8000-000000000003', 'lov-och-fritid', 'Lov och fritid',
   'Planera och samordna lovaktiviteter, fritidsgårdar och föreningsliv för barn och unga.',
   'open', 'aaaaaaaa-0000-4000-8000-000000000001', '2025-03-01 09:00+01'),
  ('ffffffff-0000-4000-8000-000000000004', 'uppfoljning-bostadsbolaget', 'Uppföljning: AB Eidar och staden',
   'Slutet forum för staden och AB Eidar inför uppföljningen till kommunstyrelsen.',
   'private', 'aaaaaaaa-0000-4000-8000-000000000001', '2025-03-10 09:00+01');

insert into public.forum_members (forum_id, user_id, role, status) values
  ('ffffffff-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000001', 'moderator', 'active'),
  ('ffffffff-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000004', 'moderator', 'active'),
  ('ffffffff-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000003', 'member', 'active'),
  ('ffffffff-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000005', 'member', 'active'),
  ('ffffffff-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000007', 'member', 'requested'),
  ('ffffffff-0000-4000-8000-000000000004', 'aaaaaaaa-0000-4000-8000-000000000001', 'moderator', 'active'),
  ('ffffffff-0000-4000-8000-000000000004', 'aaaaaaaa-0000-4000-8000-000000000003', 'member', 'active'),
  ('ffffffff-0000-4000-8000-000000000004', 'aaaaaaaa-0000-4000-8000-000000000006', 'member', 'active');

insert into public.threads (id, forum_id, title, author_id, pinned, locked, created_at, last_post_at) values
  ('7a7a7a7a-0000-4000-8000-000000000001', 'ffffffff-0000-4000-8000-000000000001',
   'Välkommen – presentera er organisation här', 'aaaaaaaa-0000-4000-8000-000000000001', true, false,
   '2025-01-20 09:05+01', '2025-01-20 09:05+01'),
  ('7a7a7a7a-0000-4000-8000-000000000002', 'ffffffff-0000-4000-8000-000000000001',
   'Gemensam aktivitetskalender för stadsdelarna?', 'aaaaaaaa-0000-4000-8000-000000000005', false, false,
   '2026-09-02 10:12+02', '2026-09-02 10:12+02'),
  ('7a7a7a7a-0000-4000-8000-000000000003', 'ffffffff-0000-4000-8000-000000000002',
   'Otrygghet kring Kronogårdens centrum kvällstid', 'aaaaaaaa-0000-4000-8000-000000000004', false, false,
   '2026-10-06 21:03+02', '2026-10-06 21:03+02'),
  ('7a7a7a7a-0000-4000-8000-000000000004', 'ffffffff-0000-4000-8000-000000000002',
   'Sommarjobb för unga 2026 – erfarenheter', 'aaaaaaaa-0000-4000-8000-000000000001', false, true,
   '2026-08-25 08:40+02', '2026-08-25 08:40+02'),
  ('7a7a7a7a-0000-4000-8000-000000000005', 'ffffffff-0000-4000-8000-000000000003',
   'Sportlovet vecka 8 – vad planerar ni?', 'aaaaaaaa-0000-4000-8000-000000000004', false, false,
   '2026-11-10 19:22+01', '2026-11-10 19:22+01'),
  ('7a7a7a7a-0000-4000-8000-000000000006', 'ffffffff-0000-4000-8000-000000000004',
   'Underlag till KS-uppföljningen för halvår 1 2026', 'aaaaaaaa-0000-4000-8000-000000000001', false, false,
   '2026-10-28 13:00+01', '2026-10-28 13:00+01');

-- post_count and last_post_at of the threads follow from these rows (trigger).
insert into public.posts (thread_id, author_id, body, created_at, hidden_at, hidden_by, hidden_reason) values
  ('7a7a7a7a-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000001',
   E'Välkommen till Samverkansportalen!\n\nHär samlas föreningar, regionen, myndigheter, AB Eidar och staden kring det förebyggande arbetet. Skriv gärna några rader om er organisation och vad ni arbetar med just nu.',
   '2025-01-20 09:05+01', null, null, null),
  ('7a7a7a7a-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000004',
   E'Hej! Vi är **Kronogårdens kulturförening**. Vi har läxhjälp tisdagar och torsdagar på biblioteket och språkcafé varannan lördag. Vi söker fler volontärer som talar somaliska eller tigrinja.',
   '2025-02-04 18:45+01', null, null, null),
  ('7a7a7a7a-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000005',
   E'Västra Götalandsregionen här. Våra hälsokommunikatörer håller samhällsorientering om vården på arabiska, dari, somaliska och tigrinja. Hör av er om ni vill ha ett besök i er verksamhet.',
   '2025-02-12 09:30+01', null, null, null),
  ('7a7a7a7a-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000007',
   E'Svenska kyrkan i Trollhättan hälsar! Vi har öppet hus för kvinnor i Sylte varje onsdag och lovaktiviteter i Sjuntorp och Upphärad.',
   '2025-03-13 10:15+01', null, null, null),
  ('7a7a7a7a-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000005',
   E'Vi krockar ofta med varandras aktiviteter, särskilt på loven. Skulle en gemensam kalender per stadsdel hjälpa? Den kunde bygga på initiativkatalogen här i portalen.',
   '2026-09-02 10:12+02', null, null, null),
  ('7a7a7a7a-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000003',
   E'Bra idé. Eidar kan dela våra aktiviteter i lokalerna i Kronogården och Lextorp. Vi behöver veta senast tre veckor innan för att boka lokal.',
   '2026-09-03 08:05+02', null, null, null),
  ('7a7a7a7a-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000007',
   E'Köp billiga mobiltelefoner här!!! www.example.com/erbjudande',
   '2026-09-04 23:50+02', '2026-09-05 07:30+02', 'aaaaaaaa-0000-4000-8000-000000000001', 'Reklam som inte hör till forumet.'),
  ('7a7a7a7a-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000001',
   E'Vi tar med frågan till nästa samverkansmöte den 15 oktober. Till dess: markera gärna era initiativ som offentliga med rätt stadsdelar, så syns de i katalogen.',
   '2026-09-05 08:00+02', null, null, null),
  ('7a7a7a7a-0000-4000-8000-000000000003', 'aaaaaaaa-0000-4000-8000-000000000004',
   E'Flera föräldrar berättar att de undviker torget efter klockan 20. Belysningen vid gångtunneln mot Kronogårdsskolan har varit trasig i flera veckor.',
   '2026-10-06 21:03+02', null, null, null),
  ('7a7a7a7a-0000-4000-8000-000000000003', 'aaaaaaaa-0000-4000-8000-000000000003',
   E'Tack för att ni lyfter det. Belysningen vid tunneln är Eidars – felanmälan är gjord och ny armatur sätts upp vecka 42. Vi planerar också en trygghetsvandring tillsammans med polisen.',
   '2026-10-07 09:20+02', null, null, null),
  ('7a7a7a7a-0000-4000-8000-000000000003', 'aaaaaaaa-0000-4000-8000-000000000005',
   E'Regionen deltar gärna i trygghetsvandringen. Vi ser en koppling till den psykiska hälsan hos unga i området i vår senaste folkhälsoenkät.',
   '2026-10-08 14:02+02', null, null, null),
  ('7a7a7a7a-0000-4000-8000-000000000004', 'aaaaaaaa-0000-4000-8000-000000000001',
   E'Sommaren är slut – hur gick det med sommarjobben? Dela gärna siffror och lärdomar. Tråden är låst för nya inlägg; sammanställningen finns i rapporten för halvår 1.',
   '2026-08-25 08:40+02', null, null, null),
  ('7a7a7a7a-0000-4000-8000-000000000004', 'aaaaaaaa-0000-4000-8000-000000000003',
   E'Eidar hade 46 ungdomar i sommarjobb i år, mot 38 i fjol. Handledarna från hyresgästföreningen gjorde stor skillnad.',
   '2026-08-26 10:10+02', null, null, null),
  ('7a7a7a7a-0000-4000-8000-000000000005', 'aaaaaaaa-0000-4000-8000-000000000004',
   E'Vi planerar pyssel och film på biblioteket måndag–onsdag. Finns det någon som kan ta fredagen?',
   '2026-11-10 19:22+01', null, null, null),
  ('7a7a7a7a-0000-4000-8000-000000000005', 'aaaaaaaa-0000-4000-8000-000000000007',
   E'Vi kör skridskor och korvgrillning i Sjuntorp på fredagen och kan ordna buss från Kronogården.',
   '2026-11-11 08:45+01', null, null, null),
  ('7a7a7a7a-0000-4000-8000-000000000005', 'aaaaaaaa-0000-4000-8000-000000000003',
   E'Eidar bjuder på fika båda dagarna och lånar ut lokalen på Kronogårdsvägen.',
   '2026-11-12 12:30+01', null, null, null),
  ('7a7a7a7a-0000-4000-8000-000000000006', 'aaaaaaaa-0000-4000-8000-000000000001',
   E'Inför KS i december behöver vi Eidars rapport för halvår 1 senast den 20 november. Fokus i år: sommarjobb, avhysningar och upplevd trygghet.',
   '2026-10-28 13:00+01', null, null, null),
  ('7a7a7a7a-0000-4000-8000-000000000006', 'aaaaaaaa-0000-4000-8000-000000000003',
   E'Noterat. Vi har siffrorna klara, trygghetsmätningen kommer från hyresgästenkäten i september.',
   '2026-10-29 08:15+01', null, null, null),
  ('7a7a7a7a-0000-4000-8000-000000000006', 'aaaaaaaa-0000-4000-8000-000000000006',
   E'Jag lägger in antalet avhysningar och uppsägningar på grund av hyresskuld i rapporten i veckan.',
   '2026-11-02 15:40+01', null, null, null);

-- Initiatives --------------------------------------------------------------------------------------
insert into public.initiatives
  (id, org_id, title, summary, description, status, starts_on, ends_on, districts, target_groups, focus_areas,
   participants_expected, participants_reached, budget_sek, is_public, contact_email, created_by, updated_by, created_at)
values
  ('1a1a1a1a-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000001',
   'Sommarjobb för unga i Kronogården och Lextorp',
   'Tre veckors sommarjobb med handledare för ungdomar 16–19 år som bor i Eidars bostäder.',
   E'Ungdomarna arbetar med utemiljö, städning av gårdar och enklare underhåll. Varje grupp har en handledare från hyresgästföreningen. Målet är första arbetslivserfarenhet, referenser och kontakt med vuxna förebilder.',
   'ongoing', '2024-06-01', '2027-08-31', '{Kronogården,Lextorp}', '{unga}', '{arbete,trygghet}',
   45, 46, 850000, true, 'sommarjobb@eidar.example',
   'aaaaaaaa-0000-4000-8000-000000000003', 'aaaaaaaa-0000-4000-8000-000000000003', '2025-01-22 10:00+01'),
  ('1a1a1a1a-0000-4000-8000-000000000002', 'bbbbbbbb-0000-4000-8000-000000000001',
   'Trygghetsvandringar i Lextorp',
   'Boende, föreningar, polis och bostadsbolag går tillsammans genom området och pekar ut otrygga platser.',
   E'Vandringarna görs vår och höst. Åtgärder som belysning, buskröjning och låsbyten följs upp på nästa vandring och redovisas för de boende.',
   'ongoing', '2025-04-01', null, '{Lextorp,Kronogården}', '{alla}', '{trygghet,delaktighet}',
   60, 52, 120000, true, 'trygghet@eidar.example',
   'aaaaaaaa-0000-4000-8000-000000000003', 'aaaaaaaa-0000-4000-8000-000000000003', '2025-03-20 14:00+01'),
  ('1a1a1a1a-0000-4000-8000-000000000003', 'bbbbbbbb-0000-4000-8000-000000000001',
   'Boendeskola för nyanlända hyresgäster',
   'Kurs på flera språk om hyresavtal, hyra, tvättstuga, sopsortering och grannsamverkan.',
   E'Fyra träffar à två timmar med tolk. Syftet är att förebygga hyresskulder, störningar och avhysningar.',
   'ongoing', '2025-09-01', '2026-12-31', '{Kronogården,Sylte,Hjulkvarn}', '{nyanlanda}', '{boende,samhallsorientering}',
   120, 87, 200000, true, 'boendeskola@eidar.example',
   'aaaaaaaa-0000-4000-8000-000000000006', 'aaaaaaaa-0000-4000-8000-000000000006', '2025-08-15 09:00+02'),
  ('1a1a1a1a-0000-4000-8000-000000000004', 'bbbbbbbb-0000-4000-8000-000000000001',
   'Upprustning av innergårdar i Sylte med boendedialog',
   'Boende är med och formar nya innergårdar med odling, lek och mötesplatser.',
   E'Internt planeringsskede: budgeten beslutas i Eidars styrelse i februari.',
   'planned', '2027-04-01', '2027-10-31', '{Sylte}', '{alla,barn}', '{boende,trygghet}',
   300, null, 3500000, false, null,
   'aaaaaaaa-0000-4000-8000-000000000003', 'aaaaaaaa-0000-4000-8000-000000000003', '2026-10-01 11:00+02'),
  ('1a1a1a1a-0000-4000-8000-000000000005', 'bbbbbbbb-0000-4000-8000-000000000001',
   'Lördagsöppen fritidsgård i Kronogården',
   'Utkast: öppen verksamhet lördagskvällar tillsammans med föreningslivet.',
   null,
   'draft', '2027-01-15', null, '{Kronogården}', '{unga}', '{fritid_kultur}',
   80, null, 250000, true, null,
   'aaaaaaaa-0000-4000-8000-000000000003', 'aaaaaaaa-0000-4000-8000-000000000003', '2026-11-20 16:00+01'),
  ('1a1a1a1a-0000-4000-8000-000000000006', 'bbbbbbbb-0000-4000-8000-000000000002',
   'Läxhjälp och språkcafé på Kronogårdens bibliotek',
   'Läxhjälp två kvällar i veckan och språkcafé varannan lördag, av och med volontärer.',
   E'Volontärerna är gymnasieelever, studenter och pensionärer. Vi samarbetar med biblioteket och Kronogårdsskolan.',
   'ongoing', '2024-08-20', null, '{Kronogården}', '{barn,unga}', '{utbildning,sprak}',
   70, 64, 45000, true, 'lexhjalp@kronogarden.example',
   'aaaaaaaa-0000-4000-8000-000000000004', 'aaaaaaaa-0000-4000-8000-000000000004', '2025-02-05 20:00+01'),
  ('1a1a1a1a-0000-4000-8000-000000000007', 'bbbbbbbb-0000-4000-8000-000000000002',
   'Kulturkvällar för familjer',
   'Utkast: musik, mat och berättande från olika kulturer en fredag i månaden.',
   null,
   'draft', '2027-02-01', '2027-06-30', '{Kronogården,Lextorp}', '{foraldrar,barn}', '{fritid_kultur}',
   150, null, 60000, false, null,
   'aaaaaaaa-0000-4000-8000-000000000004', 'aaaaaaaa-0000-4000-8000-000000000004', '2026-11-15 21:00+01'),
  ('1a1a1a1a-0000-4000-8000-000000000008', 'bbbbbbbb-0000-4000-8000-000000000003',
   'Hälsokommunikatörer i Trollhättan',
   'Samhällsorientering om hälsa och vården på modersmålet för nyanlända.',
   E'Hälsokommunikatörerna besöker SFI, föreningar och mötesplatser och informerar om vårdcentraler, 1177, tandvård och psykisk hälsa.',
   'ongoing', '2024-01-01', null, '{Centrum,Kronogården,Lextorp,Sylte}', '{nyanlanda,foraldrar}', '{halsa,samhallsorientering}',
   400, 356, 900000, true, 'halsokommunikatorer@vgregion.example',
   'aaaaaaaa-0000-4000-8000-000000000005', 'aaaaaaaa-0000-4000-8000-000000000005', '2025-02-12 10:00+01'),
  ('1a1a1a1a-0000-4000-8000-000000000009', 'bbbbbbbb-0000-4000-8000-000000000003',
   'Föräldrastöd i grupp (ABC)',
   'Alla Barn i Centrum – fyra träffar för föräldrar med barn 3–12 år.',
   E'Genomfördes i samarbete med familjecentralen. Utvärderingen visar att 9 av 10 deltagare skulle rekommendera kursen.',
   'completed', '2025-02-01', '2025-11-30', '{Hjulkvarn,Strandmon}', '{foraldrar}', '{foraldraskap,halsa}',
   60, 48, 150000, true, 'foraldrastod@vgregion.example',
   'aaaaaaaa-0000-4000-8000-000000000005', 'aaaaaaaa-0000-4000-8000-000000000005', '2025-01-25 10:00+01'),
  ('1a1a1a1a-0000-4000-8000-000000000010', 'bbbbbbbb-0000-4000-8000-000000000004',
   'Jobbspår vård och omsorg',
   'Utbildning med praktik och språkstöd som leder till anställning i vård och omsorg.',
   E'Tillsammans med vuxenutbildningen och stadens omsorgsförvaltning. Deltagarna läser SFI parallellt med vårdbiträdesutbildning.',
   'ongoing', '2025-08-18', '2026-12-18', '{Centrum,Nordstaden}', '{arbetssokande,nyanlanda}', '{arbete,sprak}',
   25, 21, null, true, 'jobbspar@arbetsformedlingen.example',
   null, null, '2025-06-10 09:00+02'),
  ('1a1a1a1a-0000-4000-8000-000000000011', 'bbbbbbbb-0000-4000-8000-000000000005',
   'Mötesplats Sylte – öppet hus för kvinnor',
   'Fika, samtal, svenskträning och stöd i vardagsfrågor varje onsdag.',
   E'Drivs av diakoner och volontärer. Barnpassning finns.',
   'ongoing', '2023-09-06', null, '{Sylte}', '{kvinnor}', '{sprak,delaktighet}',
   30, 34, 80000, true, 'motesplats@svenskakyrkan.example',
   'aaaaaaaa-0000-4000-8000-000000000007', 'aaaaaaaa-0000-4000-8000-000000000007', '2025-03-13 11:00+01'),
  ('1a1a1a1a-0000-4000-8000-000000000012', 'bbbbbbbb-0000-4000-8000-000000000005',
   'Lovaktiviteter i Sjuntorp och Upphärad',
   'Utflykter och aktiviteter på sport-, påsk- och höstlov för barn i de mindre tätorterna.',
   E'Pausad under hösten 2026 i väntan på nya ledare.',
   'paused', '2025-02-17', null, '{Sjuntorp,Upphärad}', '{barn}', '{fritid_kultur}',
   40, 28, 35000, true, 'lov@svenskakyrkan.example',
   'aaaaaaaa-0000-4000-8000-000000000007', 'aaaaaaaa-0000-4000-8000-000000000007', '2025-02-01 10:00+01');

insert into public.initiative_partners (initiative_id, org_id, role) values
  ('1a1a1a1a-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000004', 'Matchning och introduktion till arbetslivet'),
  ('1a1a1a1a-0000-4000-8000-000000000002', 'bbbbbbbb-0000-4000-8000-000000000002', 'Bjuder in boende och föreningar'),
  ('1a1a1a1a-0000-4000-8000-000000000002', 'bbbbbbbb-0000-4000-8000-000000000003', 'Folkhälsoperspektiv'),
  ('1a1a1a1a-0000-4000-8000-000000000008', 'bbbbbbbb-0000-4000-8000-000000000002', 'Lokaler och målgruppskontakt'),
  ('1a1a1a1a-0000-4000-8000-000000000010', 'bbbbbbbb-0000-4000-8000-000000000003', 'Praktikplatser i vården');

-- Indicators and reporting periods -----------------------------------------------------------------
-- Kolada ids are references for comparison with national statistics (kolada.se); check them
-- against Kolada before relying on them.
insert into public.indicators
  (id, code, name, description, unit, direction, kolada_kpi, target, baseline, baseline_year, sort_order, active)
values
  ('dddddddd-0000-4000-8000-000000000001', 'SYS-01', 'Förvärvsarbetande invånare 20–64 år',
   'Andel av invånarna 20–64 år som förvärvsarbetar. Jämförs med Kolada.', '%', 'increase', 'N00945', 78, 74.5, 2024, 10, true),
  ('dddddddd-0000-4000-8000-000000000002', 'UNG-01', 'Unga i sommarjobb via förebyggande insatser',
   'Antal ungdomar 16–19 år som haft sommarjobb genom organisationens insatser.', 'antal', 'increase', null, 200, 120, 2024, 20, true),
  ('dddddddd-0000-4000-8000-000000000003', 'TRY-01', 'Upplevd trygghet i bostadsområdet',
   'Andel svarande som känner sig trygga utomhus i sitt bostadsområde kvällstid.', '%', 'increase', null, 70, 61, 2024, 30, true),
  ('dddddddd-0000-4000-8000-000000000004', 'BOE-01', 'Avhysningar som berör barn',
   'Antal verkställda avhysningar av hushåll med barn.', 'antal', 'decrease', null, 0, 4, 2024, 40, true),
  ('dddddddd-0000-4000-8000-000000000005', 'DEL-01', 'Deltagare i förebyggande insatser',
   'Antal unika deltagare i organisationens förebyggande insatser under perioden.', 'antal', 'increase', null, 2500, 1500, 2024, 50, true),
  ('dddddddd-0000-4000-8000-000000000006', 'SKO-01', 'Elever i åk 9 behöriga till yrkesprogram',
   'Andel elever i årskurs 9 som är behöriga till gymnasieskolans yrkesprogram. Jämförs med Kolada.', '%', 'increase', 'N15428', 85, 78.2, 2024, 60, true),
  ('dddddddd-0000-4000-8000-000000000007', 'VOL-01', 'Volontärtimmar',
   'Antal timmar ideellt arbete i insatserna.', 'timmar', 'increase', null, 5000, 3200, 2024, 70, true),
  ('dddddddd-0000-4000-8000-000000000008', 'SFI-01', 'Deltagare i språkcaféer (utgått)',
   'Ersatt av DEL-01 från 2026.', 'antal', 'increase', null, null, 400, 2023, 90, false);

-- Allowed ranges: a percentage lies between 0 and 100, counts and hours are never negative.
update public.indicators set min_value = 0, max_value = 100 where unit = '%';
update public.indicators set min_value = 0 where unit in ('antal', 'timmar');

insert into public.reporting_periods (id, name, starts_on, ends_on, due_on, status) values
  ('cccccccc-0000-4000-8000-000000000001', 'Helår 2025', '2025-01-01', '2025-12-31', '2026-02-28', 'closed'),
  ('cccccccc-0000-4000-8000-000000000002', 'Halvår 1 2026', '2026-01-01', '2026-06-30', '2026-12-18', 'open');

-- Reports ------------------------------------------------------------------------------------------
-- Every report starts as a draft and goes through the workflow (the trigger enforces the
-- transitions for everyone); values are entered before a report is accepted, since accepted
-- reports are frozen.
-- The report template of both periods: five narrative questions (ids c0c0c0c0-…-0000000000PQ,
-- P = period, Q = question), the organisations that must report and the indicators that apply.
insert into public.period_questions (id, period_id, position, question, help, required) values
  ('c0c0c0c0-0000-4000-8000-000000000011', 'cccccccc-0000-4000-8000-000000000001', 1, 'Vilka aktiviteter har ni genomfört under perioden?', 'Beskriv kort vad ni har gjort, var och för vilka.', true),
  ('c0c0c0c0-0000-4000-8000-000000000012', 'cccccccc-0000-4000-8000-000000000001', 2, 'Vilka resultat har ni sett?', 'Gärna med siffror: hur många har ni nått, vad har förändrats?', true),
  ('c0c0c0c0-0000-4000-8000-000000000013', 'cccccccc-0000-4000-8000-000000000001', 3, 'Hur har ni samverkat med andra aktörer?', 'Vilka föreningar, myndigheter eller företag har ni arbetat med?', true),
  ('c0c0c0c0-0000-4000-8000-000000000014', 'cccccccc-0000-4000-8000-000000000001', 4, 'Vilka utmaningar har ni mött?', null, false),
  ('c0c0c0c0-0000-4000-8000-000000000015', 'cccccccc-0000-4000-8000-000000000001', 5, 'Vad är nästa steg?', null, true),
  ('c0c0c0c0-0000-4000-8000-000000000021', 'cccccccc-0000-4000-8000-000000000002', 1, 'Vilka aktiviteter har ni genomfört under perioden?', 'Beskriv kort vad ni har gjort, var och för vilka.', true),
  ('c0c0c0c0-0000-4000-8000-000000000022', 'cccccccc-0000-4000-8000-000000000002', 2, 'Vilka resultat har ni sett?', 'Gärna med siffror: hur många har ni nått, vad har förändrats?', true),
  ('c0c0c0c0-0000-4000-8000-000000000023', 'cccccccc-0000-4000-8000-000000000002', 3, 'Hur har ni samverkat med andra aktörer?', 'Vilka föreningar, myndigheter eller företag har ni arbetat med?', true),
  ('c0c0c0c0-0000-4000-8000-000000000024', 'cccccccc-0000-4000-8000-000000000002', 4, 'Vilka utmaningar har ni mött?', null, false),
  ('c0c0c0c0-0000-4000-8000-000000000025', 'cccccccc-0000-4000-8000-000000000002', 5, 'Vad är nästa steg?', null, true);

insert into public.period_organisations (period_id, org_id) values
  ('cccccccc-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000001'),
  ('cccccccc-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000002'),
  ('cccccccc-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000003'),
  ('cccccccc-0000-4000-8000-000000000002', 'bbbbbbbb-0000-4000-8000-000000000001'),
  ('cccccccc-0000-4000-8000-000000000002', 'bbbbbbbb-0000-4000-8000-000000000002'),
  ('cccccccc-0000-4000-8000-000000000002', 'bbbbbbbb-0000-4000-8000-000000000003'),
  ('cccccccc-0000-4000-8000-000000000002', 'bbbbbbbb-0000-4000-8000-000000000004');

insert into public.period_indicators (period_id, indicator_id, sort_order)
select p.id, i.id, i.sort_order
  from public.reporting_periods p
 cross join public.indicators i
 where i.code in ('UNG-01', 'TRY-01', 'BOE-01', 'DEL-01', 'VOL-01');

insert into public.reports
  (id, org_id, period_id, summary, created_by, updated_by, created_at)
values
  ('eeeeeeee-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000001', 'cccccccc-0000-4000-8000-000000000001',
   'Under 2025 har Eidar förstärkt det boendesociala arbetet i Kronogården, Lextorp och Sylte med fokus på unga, trygghet och förebyggande av avhysningar.',
   'aaaaaaaa-0000-4000-8000-000000000003', 'aaaaaaaa-0000-4000-8000-000000000003', '2026-01-20 10:00+01'),
  ('eeeeeeee-0000-4000-8000-000000000002', 'bbbbbbbb-0000-4000-8000-000000000001', 'cccccccc-0000-4000-8000-000000000002',
   'Första halvåret 2026: fler sommarjobb, boendeskolan i gång i tre områden och inga avhysningar som berört barn.',
   'aaaaaaaa-0000-4000-8000-000000000003', 'aaaaaaaa-0000-4000-8000-000000000006', '2026-10-15 09:00+02'),
  ('eeeeeeee-0000-4000-8000-000000000003', 'bbbbbbbb-0000-4000-8000-000000000002', 'cccccccc-0000-4000-8000-000000000001',
   'Läxhjälp och språkcafé har vuxit under 2025, med fler volontärer och fler deltagare.',
   'aaaaaaaa-0000-4000-8000-000000000004', 'aaaaaaaa-0000-4000-8000-000000000004', '2026-01-28 19:00+01'),
  ('eeeeeeee-0000-4000-8000-000000000004', 'bbbbbbbb-0000-4000-8000-000000000002', 'cccccccc-0000-4000-8000-000000000002',
   'Utkast: läxhjälpen fortsätter, språkcaféet har flyttat till lördagar.',
   'aaaaaaaa-0000-4000-8000-000000000004', 'aaaaaaaa-0000-4000-8000-000000000004', '2026-11-21 20:30+01'),
  ('eeeeeeee-0000-4000-8000-000000000005', 'bbbbbbbb-0000-4000-8000-000000000003', 'cccccccc-0000-4000-8000-000000000001',
   'Regionens folkhälsoinsatser i Trollhättan 2025: hälsokommunikatörer och föräldrastöd.',
   'aaaaaaaa-0000-4000-8000-000000000005', 'aaaaaaaa-0000-4000-8000-000000000005', '2026-02-02 11:00+01'),
  ('eeeeeeee-0000-4000-8000-000000000006', 'bbbbbbbb-0000-4000-8000-000000000003', 'cccccccc-0000-4000-8000-000000000002',
   'Halvår 1 2026: hälsokommunikatörerna fortsätter i fyra stadsdelar.',
   'aaaaaaaa-0000-4000-8000-000000000005', 'aaaaaaaa-0000-4000-8000-000000000005', '2026-09-20 10:00+02');

-- The narrative: answers to the period's questions.
insert into public.report_answers (report_id, question_id, body) values
  ('eeeeeeee-0000-4000-8000-000000000001', 'c0c0c0c0-0000-4000-8000-000000000011', E'Sommarjobb för 38 ungdomar, trygghetsvandringar vår och höst i Lextorp, start av boendeskola för nyanlända hyresgäster.'),
  ('eeeeeeee-0000-4000-8000-000000000001', 'c0c0c0c0-0000-4000-8000-000000000012', E'Inga avhysningar av barnfamiljer under andra halvåret. Upplevd trygghet ökade från 61 till 63 procent i hyresgästenkäten.'),
  ('eeeeeeee-0000-4000-8000-000000000001', 'c0c0c0c0-0000-4000-8000-000000000013', E'Nära samarbete med Kronogårdens kulturförening, Arbetsförmedlingen och regionens hälsokommunikatörer.'),
  ('eeeeeeee-0000-4000-8000-000000000001', 'c0c0c0c0-0000-4000-8000-000000000014', E'Svårt att rekrytera handledare till sommarjobben. Belysningsbrister i gångstråk.'),
  ('eeeeeeee-0000-4000-8000-000000000001', 'c0c0c0c0-0000-4000-8000-000000000015', E'Utöka sommarjobben till 45 platser 2026 och inför boendeskola även i Hjulkvarn.'),
  ('eeeeeeee-0000-4000-8000-000000000002', 'c0c0c0c0-0000-4000-8000-000000000021', E'Sommarjobb (46 ungdomar), boendeskola (87 deltagare), trygghetsvandring i Lextorp i april, ny belysning vid gångtunneln i Kronogården.'),
  ('eeeeeeee-0000-4000-8000-000000000002', 'c0c0c0c0-0000-4000-8000-000000000022', E'Upplevd trygghet 64 procent. Noll avhysningar som berört barn tack vare tidiga kontakter vid hyresskuld.'),
  ('eeeeeeee-0000-4000-8000-000000000002', 'c0c0c0c0-0000-4000-8000-000000000023', E'Samverkan med Kronogårdens kulturförening och regionen kring trygghetsvandringen; Arbetsförmedlingen kring sommarjobben.'),
  ('eeeeeeee-0000-4000-8000-000000000002', 'c0c0c0c0-0000-4000-8000-000000000024', E'Ökad trångboddhet i Sylte. Begränsade lokaler för föreningslivet.'),
  ('eeeeeeee-0000-4000-8000-000000000002', 'c0c0c0c0-0000-4000-8000-000000000025', E'Innergårdsprojekt i Sylte planeras till 2027. Fortsatt dialog med staden om lokaler.'),
  ('eeeeeeee-0000-4000-8000-000000000003', 'c0c0c0c0-0000-4000-8000-000000000011', E'Läxhjälp två kvällar i veckan under terminerna, 18 språkcaféer, lovaktiviteter på sport- och höstlov.'),
  ('eeeeeeee-0000-4000-8000-000000000003', 'c0c0c0c0-0000-4000-8000-000000000012', E'64 elever har fått läxhjälp regelbundet. 3 100 volontärtimmar.'),
  ('eeeeeeee-0000-4000-8000-000000000003', 'c0c0c0c0-0000-4000-8000-000000000013', E'Biblioteket, Kronogårdsskolan och AB Eidar (lokaler).'),
  ('eeeeeeee-0000-4000-8000-000000000003', 'c0c0c0c0-0000-4000-8000-000000000014', E'Svårt att hitta volontärer med matematikkunskaper.'),
  ('eeeeeeee-0000-4000-8000-000000000003', 'c0c0c0c0-0000-4000-8000-000000000015', E'Samarbete med Högskolan Väst om studentvolontärer.'),
  ('eeeeeeee-0000-4000-8000-000000000004', 'c0c0c0c0-0000-4000-8000-000000000021', E'Läxhjälp tisdagar och torsdagar.'),
  ('eeeeeeee-0000-4000-8000-000000000005', 'c0c0c0c0-0000-4000-8000-000000000011', E'Hälsokommunikatörerna nådde 310 personer; föräldrastödet ABC genomfördes i Hjulkvarn och Strandmon.'),
  ('eeeeeeee-0000-4000-8000-000000000005', 'c0c0c0c0-0000-4000-8000-000000000012', E'48 föräldrar fullföljde ABC. Hög nöjdhet bland deltagarna.'),
  ('eeeeeeee-0000-4000-8000-000000000005', 'c0c0c0c0-0000-4000-8000-000000000013', E'Kronogårdens kulturförening och Svenska kyrkan upplät lokaler.'),
  ('eeeeeeee-0000-4000-8000-000000000005', 'c0c0c0c0-0000-4000-8000-000000000014', E'Tolkbehov på fler språk än planerat.'),
  ('eeeeeeee-0000-4000-8000-000000000005', 'c0c0c0c0-0000-4000-8000-000000000015', E'Fortsätta hälsokommunikatörerna 2026 och utöka till Sylte.'),
  ('eeeeeeee-0000-4000-8000-000000000006', 'c0c0c0c0-0000-4000-8000-000000000021', E'Informationsträffar på SFI och i föreningar.'),
  ('eeeeeeee-0000-4000-8000-000000000006', 'c0c0c0c0-0000-4000-8000-000000000022', E'Ungefär 180 personer nådda.');

insert into public.report_indicator_values (report_id, indicator_id, value, comment) values
  -- AB Eidar, Helår 2025
  ('eeeeeeee-0000-4000-8000-000000000001', 'dddddddd-0000-4000-8000-000000000002', 38, 'Kronogården 22, Lextorp 16.'),
  ('eeeeeeee-0000-4000-8000-000000000001', 'dddddddd-0000-4000-8000-000000000003', 63, 'Hyresgästenkäten september 2025.'),
  ('eeeeeeee-0000-4000-8000-000000000001', 'dddddddd-0000-4000-8000-000000000004', 2, 'Båda under första halvåret.'),
  ('eeeeeeee-0000-4000-8000-000000000001', 'dddddddd-0000-4000-8000-000000000005', 640, null),
  ('eeeeeeee-0000-4000-8000-000000000001', 'dddddddd-0000-4000-8000-000000000007', null, 'Eidar för inte statistik över volontärtimmar; hyresgästföreningens timmar redovisas av dem.'),
  -- AB Eidar, Halvår 1 2026 (submitted)
  ('eeeeeeee-0000-4000-8000-000000000002', 'dddddddd-0000-4000-8000-000000000002', 46, 'Kronogården 25, Lextorp 21.'),
  ('eeeeeeee-0000-4000-8000-000000000002', 'dddddddd-0000-4000-8000-000000000003', 64, 'Hyresgästenkäten 2026.'),
  ('eeeeeeee-0000-4000-8000-000000000002', 'dddddddd-0000-4000-8000-000000000004', 0, null),
  ('eeeeeeee-0000-4000-8000-000000000002', 'dddddddd-0000-4000-8000-000000000005', 410, 'Varav 87 i boendeskolan.'),
  ('eeeeeeee-0000-4000-8000-000000000002', 'dddddddd-0000-4000-8000-000000000007', null, 'Eidar för inte statistik över volontärtimmar.'),
  -- Kronogårdens kulturförening, Helår 2025
  ('eeeeeeee-0000-4000-8000-000000000003', 'dddddddd-0000-4000-8000-000000000005', 180, null),
  ('eeeeeeee-0000-4000-8000-000000000003', 'dddddddd-0000-4000-8000-000000000007', 3100, 'Enligt närvarolistor.'),
  -- Kronogårdens kulturförening, Halvår 1 2026 (draft)
  ('eeeeeeee-0000-4000-8000-000000000004', 'dddddddd-0000-4000-8000-000000000005', 95, 'Preliminärt.'),
  -- Västra Götalandsregionen, Helår 2025
  ('eeeeeeee-0000-4000-8000-000000000005', 'dddddddd-0000-4000-8000-000000000005', 358, 'Hälsokommunikatörer 310, ABC 48.'),
  -- Västra Götalandsregionen, Halvår 1 2026 (returned)
  ('eeeeeeee-0000-4000-8000-000000000006', 'dddddddd-0000-4000-8000-000000000005', 180, 'Uppskattning.');

-- Eidar's and the association's reports name the initiatives they report on.
insert into public.report_initiatives (report_id, initiative_id) values
  ('eeeeeeee-0000-4000-8000-000000000001', '1a1a1a1a-0000-4000-8000-000000000001'),
  ('eeeeeeee-0000-4000-8000-000000000001', '1a1a1a1a-0000-4000-8000-000000000002'),
  ('eeeeeeee-0000-4000-8000-000000000002', '1a1a1a1a-0000-4000-8000-000000000001'),
  ('eeeeeeee-0000-4000-8000-000000000002', '1a1a1a1a-0000-4000-8000-000000000002'),
  ('eeeeeeee-0000-4000-8000-000000000002', '1a1a1a1a-0000-4000-8000-000000000003'),
  ('eeeeeeee-0000-4000-8000-000000000003', '1a1a1a1a-0000-4000-8000-000000000006'),
  ('eeeeeeee-0000-4000-8000-000000000004', '1a1a1a1a-0000-4000-8000-000000000006');

-- Workflow history (submitted/returned/accepted), with the dates it happened.
update public.reports set status = 'submitted', submitted_at = '2026-02-20 14:10+01',
       submitted_by = 'aaaaaaaa-0000-4000-8000-000000000003', version = 1
 where id = 'eeeeeeee-0000-4000-8000-000000000001';
update public.reports set status = 'accepted', reviewed_at = '2026-03-12 09:30+01',
       reviewed_by = 'aaaaaaaa-0000-4000-8000-000000000001',
       review_comment = 'Tack för en tydlig redovisning. Godkänd och vidarebefordrad till kommunstyrelsen.'
 where id = 'eeeeeeee-0000-4000-8000-000000000001';

update public.reports set status = 'submitted', submitted_at = '2026-02-10 21:00+01',
       submitted_by = 'aaaaaaaa-0000-4000-8000-000000000004', version = 1
 where id = 'eeeeeeee-0000-4000-8000-000000000003';
update public.reports set status = 'returned', reviewed_at = '2026-02-16 10:00+01',
       reviewed_by = 'aaaaaaaa-0000-4000-8000-000000000001',
       review_comment = 'Lägg gärna till antalet volontärtimmar (VOL-01).'
 where id = 'eeeeeeee-0000-4000-8000-000000000003';
update public.reports set status = 'submitted', submitted_at = '2026-02-18 20:15+01',
       submitted_by = 'aaaaaaaa-0000-4000-8000-000000000004', version = 2
 where id = 'eeeeeeee-0000-4000-8000-000000000003';
update public.reports set status = 'accepted', reviewed_at = '2026-02-24 13:45+01',
       reviewed_by = 'aaaaaaaa-0000-4000-8000-000000000001', review_comment = 'Tack, godkänd.'
 where id = 'eeeeeeee-0000-4000-8000-000000000003';

update public.reports set status = 'submitted', submitted_at = '2026-02-25 16:00+01',
       submitted_by = 'aaaaaaaa-0000-4000-8000-000000000005', version = 1
 where id = 'eeeeeeee-0000-4000-8000-000000000005';
update public.reports set status = 'accepted', reviewed_at = '2026-03-05 11:20+01',
       reviewed_by = 'aaaaaaaa-0000-4000-8000-000000000001', review_comment = null
 where id = 'eeeeeeee-0000-4000-8000-000000000005';

update public.reports set status = 'submitted', submitted_at = '2026-10-05 15:30+02',
       submitted_by = 'aaaaaaaa-0000-4000-8000-000000000005', version = 1
 where id = 'eeeeeeee-0000-4000-8000-000000000006';
update public.reports set status = 'returned', reviewed_at = '2026-10-19 08:50+02',
       reviewed_by = 'aaaaaaaa-0000-4000-8000-000000000001',
       review_comment = 'Komplettera med antal deltagare per stadsdel och beskriv samverkan med andra aktörer.'
 where id = 'eeeeeeee-0000-4000-8000-000000000006';

-- The one submitted report: AB Eidar, Halvår 1 2026, waiting for the coordinator's review.
update public.reports set status = 'submitted', submitted_at = '2026-11-20 16:05+01',
       submitted_by = 'aaaaaaaa-0000-4000-8000-000000000003', version = 1
 where id = 'eeeeeeee-0000-4000-8000-000000000002';

-- Forum activity ------------------------------------------------------------------------------------
-- The notifications the seeded posts queued (trigger posts_notify) are history: already e-mailed.
update public.notifications set emailed_at = created_at;

-- Watching: the coordinator follows the whole open forum; the region follows the holiday forum.
insert into public.forum_watches (user_id, forum_id) values
  ('aaaaaaaa-0000-4000-8000-000000000001', 'ffffffff-0000-4000-8000-000000000001'),
  ('aaaaaaaa-0000-4000-8000-000000000005', 'ffffffff-0000-4000-8000-000000000003');

-- One open report in the moderation queue: the region reports a post in the holiday forum.
insert into public.post_reports (post_id, reporter_id, reason, created_at)
select p.id, 'aaaaaaaa-0000-4000-8000-000000000005',
       'Bussen från Kronogården behöver anmälan i förväg – stämmer tiden? Kan en moderator kontrollera uppgiften innan den sprids?', '2026-11-12 08:10+01'
  from public.posts p
 where p.thread_id = '7a7a7a7a-0000-4000-8000-000000000005' and p.position = 2;

-- Initiative progress ---------------------------------------------------------------------------------
-- Dated updates form each initiative's timeline; the latest one's participants and status are the
-- initiative's (trigger initiative_updates_apply_latest), so they match the figures above.
insert into public.initiative_updates (initiative_id, reported_on, body, participants_reached, new_status, author_id, created_at) values
  ('1a1a1a1a-0000-4000-8000-000000000001', '2025-08-29', 'Första sommaren klar: 38 ungdomar fick sommarjobb, 31 av dem för första gången.', 38, null,
   'aaaaaaaa-0000-4000-8000-000000000003', '2025-08-29 15:00+02'),
  ('1a1a1a1a-0000-4000-8000-000000000001', '2026-08-28', 'Sommaren 2026: 46 ungdomar, varav 19 tjejer. Handledarna från hyresgästföreningen fortsätter 2027.', 46, null,
   'aaaaaaaa-0000-4000-8000-000000000003', '2026-08-28 14:00+02'),
  ('1a1a1a1a-0000-4000-8000-000000000002', '2025-05-15', 'Vårens vandring: 24 deltagare, 11 åtgärdspunkter till Eidar och staden.', 24, null,
   'aaaaaaaa-0000-4000-8000-000000000003', '2025-05-15 20:00+02'),
  ('1a1a1a1a-0000-4000-8000-000000000002', '2026-10-12', 'Höstens vandring med polisen: ny belysning vid gångtunneln är på plats. Totalt 52 deltagare i år.', 52, null,
   'aaaaaaaa-0000-4000-8000-000000000003', '2026-10-12 21:00+02'),
  ('1a1a1a1a-0000-4000-8000-000000000003', '2026-06-20', 'Vårterminens kurser klara på arabiska, somaliska och dari. 87 hushåll har gått kursen.', 87, null,
   'aaaaaaaa-0000-4000-8000-000000000006', '2026-06-20 10:00+02'),
  ('1a1a1a1a-0000-4000-8000-000000000006', '2026-06-10', 'Läsåret slut: 64 elever har kommit till läxhjälpen minst fem gånger.', 64, null,
   'aaaaaaaa-0000-4000-8000-000000000004', '2026-06-10 19:00+02'),
  ('1a1a1a1a-0000-4000-8000-000000000008', '2026-09-30', 'Nya besök på SFI i Nordstaden och Centrum; totalt 356 deltagare sedan start.', 356, null,
   'aaaaaaaa-0000-4000-8000-000000000005', '2026-09-30 11:00+02'),
  ('1a1a1a1a-0000-4000-8000-000000000009', '2025-11-30', 'Sista gruppen avslutad. 48 föräldrar har gått hela kursen.', 48, 'completed',
   'aaaaaaaa-0000-4000-8000-000000000005', '2025-11-30 16:00+01'),
  ('1a1a1a1a-0000-4000-8000-000000000012', '2026-09-01', 'Vi pausar höstlovet i väntan på nya ledare. 28 barn deltog under sport- och påsklovet.', 28, 'paused',
   'aaaaaaaa-0000-4000-8000-000000000007', '2026-09-01 09:00+02');


-- The seeded initiatives were published when they were registered.
update public.initiatives set published_at = created_at where status <> 'draft';
