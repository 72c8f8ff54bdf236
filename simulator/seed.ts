import type { Api, ApiProduct, Application, Environment, Group, Plan, StoreData, Subscription, User, Workflow } from './model.ts';

// Seed data: a Norwegian university's API portal. Every id is fixed so that tests and demos can
// name them; every date is relative to the clock at seeding time.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Stable ids and tokens of the seed data. */
export const SEED = {
  organizationId: 'DEFAULT',
  environments: {
    default: 'DEFAULT',
    test: '7c1e5a3b-9d2f-4e8a-b6c4-2f0d8e1a9b37',
  },
  users: {
    /** API owner: primary owner of most APIs; logs in as kari / kari. */
    owner: 'f3a1c2d4-5b6e-4f70-8a91-b2c3d4e5f601',
    /** Environment admin: may process requests of every API; console login admin / admin. */
    admin: 'f3a1c2d4-5b6e-4f70-8a91-b2c3d4e5f602',
    /** API member with read-only subscription rights; logs in as ola / ola. */
    viewer: 'f3a1c2d4-5b6e-4f70-8a91-b2c3d4e5f603',
    ingrid: 'f3a1c2d4-5b6e-4f70-8a91-b2c3d4e5f611',
    lars: 'f3a1c2d4-5b6e-4f70-8a91-b2c3d4e5f612',
    aisha: 'f3a1c2d4-5b6e-4f70-8a91-b2c3d4e5f613',
    sofie: 'f3a1c2d4-5b6e-4f70-8a91-b2c3d4e5f614',
    /** Self-registered user waiting for approval (a USER_REGISTRATION_APPROVAL task for the admin). */
    pendingRegistration: 'f3a1c2d4-5b6e-4f70-8a91-b2c3d4e5f621',
  },
  tokens: {
    owner: 'd6f1b0a2-8c3e-4f57-9a14-3e2b7c5d9f01',
    admin: 'd6f1b0a2-8c3e-4f57-9a14-3e2b7c5d9f02',
    viewer: 'd6f1b0a2-8c3e-4f57-9a14-3e2b7c5d9f03',
  },
  groups: {
    library: '4e0c9b1a-2d3f-4a5b-8c6d-7e8f9a0b1c01',
  },
  apis: {
    studentRecords: '0a9e3c5d-1b2f-4c6a-8d7e-9f0a1b2c3d01',
    courseCatalogue: '0a9e3c5d-1b2f-4c6a-8d7e-9f0a1b2c3d02',
    libraryLoans: '0a9e3c5d-1b2f-4c6a-8d7e-9f0a1b2c3d03',
    researchData: '0a9e3c5d-1b2f-4c6a-8d7e-9f0a1b2c3d04',
    timetable: '0a9e3c5d-1b2f-4c6a-8d7e-9f0a1b2c3d05',
  },
  apiProducts: {
    studyPortal: '6b2d8f4a-3c5e-4d7f-9a1b-2c3d4e5f6a01',
  },
  plans: {
    studentRecordsGold: '9d8e7f60-2a4b-4c6d-8e0f-1a2b3c4d5e01',
    studentRecordsPartner: '9d8e7f60-2a4b-4c6d-8e0f-1a2b3c4d5e02',
    /** A closed plan with a pending request: accepting it fails with plan.closed. */
    studentRecordsLegacy: '9d8e7f60-2a4b-4c6d-8e0f-1a2b3c4d5e03',
    courseCatalogueOpen: '9d8e7f60-2a4b-4c6d-8e0f-1a2b3c4d5e04',
    courseCatalogueInternal: '9d8e7f60-2a4b-4c6d-8e0f-1a2b3c4d5e05',
    libraryLoansStandard: '9d8e7f60-2a4b-4c6d-8e0f-1a2b3c4d5e06',
    researchDataResearcher: '9d8e7f60-2a4b-4c6d-8e0f-1a2b3c4d5e07',
    timetableBasic: '9d8e7f60-2a4b-4c6d-8e0f-1a2b3c4d5e08',
    studyPortalBundle: '9d8e7f60-2a4b-4c6d-8e0f-1a2b3c4d5e09',
  },
  applications: {
    studentMobile: 'a11ce000-3c4d-4e5f-8a6b-7c8d9e0f1a01',
    canvasIntegration: 'a11ce000-3c4d-4e5f-8a6b-7c8d9e0f1a02',
    timetableWidget: 'a11ce000-3c4d-4e5f-8a6b-7c8d9e0f1a03',
    researchPortal: 'a11ce000-3c4d-4e5f-8a6b-7c8d9e0f1a04',
    libraryApp: 'a11ce000-3c4d-4e5f-8a6b-7c8d9e0f1a05',
    alumniService: 'a11ce000-3c4d-4e5f-8a6b-7c8d9e0f1a06',
  },
  subscriptions: {
    /** PENDING, API key plan, 2 hours old, Norwegian message. */
    pendingStudentMobile: '5b1f0c9e-2a44-4d7e-9f0c-000000000001',
    /** PENDING, OAuth2 plan, 1 day old, English message. */
    pendingCanvasCatalogue: '5b1f0c9e-2a44-4d7e-9f0c-000000000002',
    /** PENDING on the timetable API, which only the admin may process. */
    pendingTimetableWidget: '5b1f0c9e-2a44-4d7e-9f0c-000000000003',
    /** PENDING in the test environment, JWT plan, 5 days old. */
    pendingResearchPortal: '5b1f0c9e-2a44-4d7e-9f0c-000000000004',
    /** PENDING without a consumer message, 9 days old; the owner sees it through a group. */
    pendingLibraryApp: '5b1f0c9e-2a44-4d7e-9f0c-000000000005',
    /** PENDING, JWT plan, 2 weeks old. */
    pendingCanvasGrades: '5b1f0c9e-2a44-4d7e-9f0c-000000000006',
    /** PENDING on a closed plan, 3 weeks old. */
    pendingAlumniLegacy: '5b1f0c9e-2a44-4d7e-9f0c-000000000007',
    /** PENDING, mTLS plan, 6 hours old. */
    pendingStudentMobileMtls: '5b1f0c9e-2a44-4d7e-9f0c-000000000008',
    /** PENDING API Product subscription, 4 days old. */
    pendingProductTimetableWidget: '5b1f0c9e-2a44-4d7e-9f0c-000000000009',
    acceptedLibraryAppCatalogue: '5b1f0c9e-2a44-4d7e-9f0c-000000000101',
    acceptedStudentMobileLibrary: '5b1f0c9e-2a44-4d7e-9f0c-000000000102',
    rejectedAlumniResearch: '5b1f0c9e-2a44-4d7e-9f0c-000000000103',
    closedTimetableWidgetRecords: '5b1f0c9e-2a44-4d7e-9f0c-000000000104',
  },
  workflows: {
    timetableReview: '3f7a9c1e-5b2d-4e6f-8a0b-1c2d3e4f5a01',
  },
} as const;

/** Login names and passwords of the seeded users that can log in. */
export const SEED_CREDENTIALS = {
  admin: { username: 'admin', password: 'admin' },
  owner: { username: 'kari', password: 'kari' },
  viewer: { username: 'ola', password: 'ola' },
} as const;

const ids = SEED;

function seedEnvironments(): Environment[] {
  return [
    { id: ids.environments.default, hrids: ['default'], name: 'Default', description: 'Produksjonsmiljøet for universitetets API-er', organizationId: ids.organizationId },
    { id: ids.environments.test, hrids: ['test'], name: 'Test', description: 'Testmiljø for nye integrasjoner', organizationId: ids.organizationId },
  ];
}

function seedUsers(at: (ageMs: number) => Date): User[] {
  const university = 'universitet.example';
  return [
    { id: ids.users.owner, username: SEED_CREDENTIALS.owner.username, password: SEED_CREDENTIALS.owner.password, firstname: 'Kari', lastname: 'Nordmann', displayName: 'Kari Nordmann', email: `kari.nordmann@${university}`, personalAccessToken: ids.tokens.owner, environmentAdmin: false, status: 'ACTIVE', createdAt: at(400 * DAY) },
    { id: ids.users.admin, username: SEED_CREDENTIALS.admin.username, password: SEED_CREDENTIALS.admin.password, displayName: 'admin', environmentAdmin: true, personalAccessToken: ids.tokens.admin, status: 'ACTIVE', createdAt: at(900 * DAY) },
    { id: ids.users.viewer, username: SEED_CREDENTIALS.viewer.username, password: SEED_CREDENTIALS.viewer.password, firstname: 'Ola', lastname: 'Nordmann', displayName: 'Ola Nordmann', email: `ola.nordmann@${university}`, personalAccessToken: ids.tokens.viewer, environmentAdmin: false, status: 'ACTIVE', createdAt: at(200 * DAY) },
    { id: ids.users.ingrid, username: 'ingrid', firstname: 'Ingrid', lastname: 'Hansen', displayName: 'Ingrid Hansen', email: `ingrid.hansen@${university}`, environmentAdmin: false, status: 'ACTIVE', createdAt: at(300 * DAY) },
    { id: ids.users.lars, username: 'lars', firstname: 'Lars', lastname: 'Johansen', displayName: 'Lars Johansen', email: `lars.johansen@${university}`, environmentAdmin: false, status: 'ACTIVE', createdAt: at(250 * DAY) },
    { id: ids.users.aisha, username: 'aisha', firstname: 'Aisha', lastname: 'Khan', displayName: 'Aisha Khan', email: `aisha.khan@${university}`, environmentAdmin: false, status: 'ACTIVE', createdAt: at(120 * DAY) },
    { id: ids.users.sofie, username: 'sofie', firstname: 'Sofie', lastname: 'Lie', displayName: 'Sofie Lie', email: `sofie.lie@${university}`, environmentAdmin: false, status: 'ACTIVE', createdAt: at(90 * DAY) },
    { id: ids.users.pendingRegistration, username: 'sindre', firstname: 'Sindre', lastname: 'Haugen', displayName: 'Sindre Haugen', email: `sindre.haugen@${university}`, environmentAdmin: false, status: 'PENDING', createdAt: at(30 * HOUR) },
  ];
}

function seedApis(at: (ageMs: number) => Date): Api[] {
  const env = ids.environments;
  const owner = ids.users.owner;
  const admin = ids.users.admin;
  return [
    { id: ids.apis.studentRecords, name: 'Studentregister API', description: 'Studentdata: opptak, studieprogram og resultater', apiVersion: '2.3', environmentId: env.default, apiType: 'proxy', primaryOwnerId: owner, members: [{ userId: owner, role: 'PRIMARY_OWNER' }, { userId: ids.users.viewer, role: 'USER' }], groupIds: [], createdAt: at(380 * DAY) },
    { id: ids.apis.courseCatalogue, name: 'Emnekatalog API', description: 'Course catalogue: courses, credits and teaching terms', apiVersion: '1.8', environmentId: env.default, apiType: 'proxy', primaryOwnerId: owner, members: [{ userId: owner, role: 'PRIMARY_OWNER' }], groupIds: [], createdAt: at(350 * DAY) },
    { id: ids.apis.libraryLoans, name: 'Biblioteklån API', description: 'Lån, reservasjoner og purringer fra universitetsbiblioteket', apiVersion: '1.0', environmentId: env.default, apiType: 'message', primaryOwnerId: admin, members: [{ userId: admin, role: 'PRIMARY_OWNER' }], groupIds: [ids.groups.library], createdAt: at(200 * DAY) },
    { id: ids.apis.researchData, name: 'Forskningsdata API', description: 'Research datasets with access control for approved projects', apiVersion: '0.9', environmentId: env.test, apiType: 'proxy', primaryOwnerId: owner, members: [{ userId: owner, role: 'PRIMARY_OWNER' }], groupIds: [], createdAt: at(60 * DAY) },
    { id: ids.apis.timetable, name: 'Timeplan API', description: 'Timeplaner for emner, rom og studenter', apiVersion: '3.1', environmentId: env.default, apiType: 'proxy', primaryOwnerId: admin, members: [{ userId: admin, role: 'PRIMARY_OWNER' }], groupIds: [], createdAt: at(500 * DAY) },
  ];
}

function seedGroups(): Group[] {
  return [{ id: ids.groups.library, name: 'Bibliotekstjenester', members: [{ userId: ids.users.owner, role: 'OWNER' }] }];
}

function seedApiProducts(): ApiProduct[] {
  return [
    { id: ids.apiProducts.studyPortal, name: 'Studieportal-pakken', description: 'Student records and course catalogue in one bundle', environmentId: ids.environments.default, primaryOwnerId: ids.users.owner, members: [{ userId: ids.users.owner, role: 'PRIMARY_OWNER' }], apiIds: [ids.apis.studentRecords, ids.apis.courseCatalogue] },
  ];
}

function seedPlans(): Plan[] {
  const plan = (id: string, name: string, description: string, referenceId: string, security: Plan['security'], status: Plan['status'] = 'PUBLISHED', referenceType: Plan['referenceType'] = 'API'): Plan => ({
    id, name, description, referenceType, referenceId, security, validation: 'MANUAL', status, mode: 'STANDARD',
  });
  const p = ids.plans;
  const a = ids.apis;
  return [
    plan(p.studentRecordsGold, 'Gull (API-nøkkel)', 'Full tilgang med API-nøkkel', a.studentRecords, 'API_KEY'),
    plan(p.studentRecordsPartner, 'Partner (JWT)', 'Partner access with signed JWTs', a.studentRecords, 'JWT'),
    plan(p.studentRecordsLegacy, 'Gammel plan (API-nøkkel)', 'Erstattet av Gull-planen', a.studentRecords, 'API_KEY', 'CLOSED'),
    plan(p.courseCatalogueOpen, 'Åpen (OAuth2)', 'Read access through the university identity provider', a.courseCatalogue, 'OAUTH2'),
    plan(p.courseCatalogueInternal, 'Intern (mTLS)', 'Intern tilgang med klientsertifikat', a.courseCatalogue, 'MTLS'),
    plan(p.libraryLoansStandard, 'Standard (API-nøkkel)', 'Standard access to loan events', a.libraryLoans, 'API_KEY'),
    plan(p.researchDataResearcher, 'Forsker (JWT)', 'Tilgang for godkjente forskningsprosjekter', a.researchData, 'JWT'),
    plan(p.timetableBasic, 'Basis (API-nøkkel)', 'Read-only timetable access', a.timetable, 'API_KEY'),
    plan(p.studyPortalBundle, 'Studieportal (API-nøkkel)', 'Tilgang til hele pakken', ids.apiProducts.studyPortal, 'API_KEY', 'PUBLISHED', 'API_PRODUCT'),
  ];
}

function seedApplications(): Application[] {
  const env = ids.environments;
  const app = ids.applications;
  return [
    { id: app.studentMobile, name: 'Studentweb mobil', description: 'Mobilappen for studenter', type: 'NATIVE', environmentId: env.default, primaryOwnerId: ids.users.ingrid, apiKeyMode: 'EXCLUSIVE', clientId: 'studentweb-mobil' },
    { id: app.canvasIntegration, name: 'Canvas-integrasjon', description: 'Nightly sync between the LMS and student systems', domain: 'https://canvas.universitet.example', type: 'BACKEND_TO_BACKEND', environmentId: env.default, primaryOwnerId: ids.users.lars, apiKeyMode: 'EXCLUSIVE', clientId: 'canvas-sync' },
    { id: app.timetableWidget, name: 'Timeplan-widget', description: 'Timeplanvisning på studentportalen', domain: 'https://student.universitet.example', type: 'BROWSER', environmentId: env.default, primaryOwnerId: ids.users.aisha, apiKeyMode: 'EXCLUSIVE' },
    { id: app.researchPortal, name: 'Forskningsportalen', description: 'Portal for research projects', domain: 'https://forskning.universitet.example', type: 'WEB', environmentId: env.test, primaryOwnerId: ids.users.sofie, apiKeyMode: 'UNSPECIFIED', clientId: 'forskningsportalen' },
    { id: app.libraryApp, name: 'Biblioteksappen', description: 'Lånekort og varsler i lomma', type: 'NATIVE', environmentId: env.default, primaryOwnerId: ids.users.ingrid, apiKeyMode: 'EXCLUSIVE', clientId: 'biblioteksappen' },
    { id: app.alumniService, name: 'Alumni-tjenesten', description: 'Services for former students', type: 'SIMPLE', environmentId: env.default, primaryOwnerId: ids.users.lars, apiKeyMode: 'SHARED' },
  ];
}

function seedSubscriptions(at: (ageMs: number) => Date, now: Date): Subscription[] {
  const s = ids.subscriptions;
  const p = ids.plans;
  const a = ids.apis;
  const app = ids.applications;
  const u = ids.users;
  const env = ids.environments;

  const pending = (id: string, referenceId: string, planId: string, applicationId: string, subscribedBy: string, ageMs: number, consumerMessage: string | undefined, environmentId: string = env.default, referenceType: Subscription['referenceType'] = 'API'): Subscription => ({
    id, referenceType, referenceId, environmentId, planId, applicationId, status: 'PENDING', consumerStatus: 'STARTED', subscribedBy, consumerMessage, origin: 'MANAGEMENT', createdAt: at(ageMs), updatedAt: at(ageMs),
  });

  const yearLater = new Date(now.getTime() + 325 * DAY);
  return [
    pending(s.pendingStudentMobile, a.studentRecords, p.studentRecordsGold, app.studentMobile, u.ingrid, 2 * HOUR, 'Vi trenger tilgang til studentdata for den nye mobilappen før semesterstart.'),
    pending(s.pendingCanvasCatalogue, a.courseCatalogue, p.courseCatalogueOpen, app.canvasIntegration, u.lars, 1 * DAY, 'Needed to sync course codes into Canvas every night.'),
    pending(s.pendingTimetableWidget, a.timetable, p.timetableBasic, app.timetableWidget, u.aisha, 3 * DAY, 'Showing personal timetables on the student portal.'),
    pending(s.pendingResearchPortal, a.researchData, p.researchDataResearcher, app.researchPortal, u.sofie, 5 * DAY, 'Søknad om tilgang til anonymiserte forskningsdata for prosjektet KlimaNord.', env.test),
    pending(s.pendingLibraryApp, a.libraryLoans, p.libraryLoansStandard, app.libraryApp, u.ingrid, 9 * DAY, undefined),
    pending(s.pendingCanvasGrades, a.studentRecords, p.studentRecordsPartner, app.canvasIntegration, u.lars, 14 * DAY, 'Grade export to the LMS, pilot with the Faculty of Law.'),
    pending(s.pendingAlumniLegacy, a.studentRecords, p.studentRecordsLegacy, app.alumniService, u.lars, 21 * DAY, 'Alumnitjenesten trenger navn og e-post til tidligere studenter.'),
    pending(s.pendingStudentMobileMtls, a.courseCatalogue, p.courseCatalogueInternal, app.studentMobile, u.ingrid, 6 * HOUR, 'Emnekatalogen skal vises i appen. Klientsertifikatet er lastet opp.'),
    pending(s.pendingProductTimetableWidget, ids.apiProducts.studyPortal, p.studyPortalBundle, app.timetableWidget, u.aisha, 4 * DAY, 'Bundle access for the new study portal.', env.default, 'API_PRODUCT'),
    {
      id: s.acceptedLibraryAppCatalogue, referenceType: 'API', referenceId: a.courseCatalogue, environmentId: env.default, planId: p.courseCatalogueOpen, applicationId: app.libraryApp,
      status: 'ACCEPTED', consumerStatus: 'STARTED', subscribedBy: u.ingrid, processedBy: u.owner, consumerMessage: 'Emnesøk i biblioteksappen.', publisherMessage: 'Godkjent for studieåret.',
      origin: 'MANAGEMENT', createdAt: at(42 * DAY), updatedAt: at(40 * DAY), processedAt: at(40 * DAY), startingAt: at(40 * DAY), endingAt: yearLater,
    },
    {
      id: s.acceptedStudentMobileLibrary, referenceType: 'API', referenceId: a.libraryLoans, environmentId: env.default, planId: p.libraryLoansStandard, applicationId: app.studentMobile,
      status: 'ACCEPTED', consumerStatus: 'STARTED', subscribedBy: u.ingrid, processedBy: u.admin, consumerMessage: 'Show active loans in the student app.',
      origin: 'MANAGEMENT', metadata: { kontakt: 'ingrid.hansen@universitet.example' }, createdAt: at(70 * DAY), updatedAt: at(69 * DAY), processedAt: at(69 * DAY), startingAt: at(69 * DAY),
    },
    {
      id: s.rejectedAlumniResearch, referenceType: 'API', referenceId: a.researchData, environmentId: env.test, planId: p.researchDataResearcher, applicationId: app.alumniService,
      status: 'REJECTED', consumerStatus: 'STARTED', subscribedBy: u.lars, processedBy: u.owner, consumerMessage: 'Statistics for the alumni magazine.', publisherMessage: 'Forskningsdata deles ikke med alumnitjenester.',
      origin: 'MANAGEMENT', createdAt: at(20 * DAY), updatedAt: at(18 * DAY), processedAt: at(18 * DAY), closedAt: at(18 * DAY),
    },
    {
      id: s.closedTimetableWidgetRecords, referenceType: 'API', referenceId: a.studentRecords, environmentId: env.default, planId: p.studentRecordsGold, applicationId: app.timetableWidget,
      status: 'CLOSED', consumerStatus: 'STARTED', subscribedBy: u.aisha, processedBy: u.owner, consumerMessage: 'Trenger studentnummer i widgeten.',
      origin: 'MANAGEMENT', createdAt: at(150 * DAY), updatedAt: at(30 * DAY), processedAt: at(148 * DAY), startingAt: at(148 * DAY), endingAt: at(30 * DAY), closedAt: at(30 * DAY),
    },
  ];
}

function seedWorkflows(at: (ageMs: number) => Date): Workflow[] {
  return [{ id: ids.workflows.timetableReview, apiId: ids.apis.timetable, state: 'IN_REVIEW', comment: 'Ny versjon med romreservasjoner, klar for gjennomgang.', userId: ids.users.owner, createdAt: at(2 * DAY) }];
}

/** Builds a fresh copy of the seed data with dates relative to `now`. */
export function createSeedData(now: Date): StoreData {
  const at = (ageMs: number) => new Date(now.getTime() - ageMs);
  return {
    organizationId: ids.organizationId,
    environments: seedEnvironments(),
    users: seedUsers(at),
    groups: seedGroups(),
    apis: seedApis(at),
    apiProducts: seedApiProducts(),
    plans: seedPlans(),
    applications: seedApplications(),
    subscriptions: seedSubscriptions(at, now),
    apiKeys: [
      { id: 'e5d4c3b2-a190-4f8e-9d7c-6b5a4f3e2d01', key: 'seed-key-library-loans-0001', subscriptionId: ids.subscriptions.acceptedStudentMobileLibrary, expireAt: null, revoked: false, createdAt: at(69 * DAY) },
    ],
    workflows: seedWorkflows(at),
  };
}
