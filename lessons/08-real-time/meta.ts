import { defineLesson } from '@/lib/lessons/define';

export default defineLesson({
  slug: 'real-time',
  number: 8,
  title: 'Real-time MCP',
  stage: 'beyond-one-user',
  summary:
    'Polling against webhooks and incremental Sync: a signed, deduplicated webhook triggers a one-request sync, and an MCP subscription tells the browser — for the right user only.',
  minutes: 20,
  status: 'live',
  objectives: [
    'Compare naive polling with webhook + incremental Sync in requests, bytes and staleness.',
    'Verify a Todoist webhook on its raw bytes, refuse stale and replayed deliveries, and deduplicate on the delivery id.',
    'Treat a webhook as a trigger and re-read with an incremental sync, so late, duplicated, out-of-order and lost deliveries all end in the right state.',
    'Push a change to an MCP client with a resource subscription (subscriptions/listen in 2026-07-28), and keep one user’s events away from another’s.',
    'Say what a server does when no webhook can reach it, and how the answer says which path is live.',
  ],
  demos: [
    {
      id: 'full-read',
      title: 'Every task: the cursor loop, or one full sync',
      description:
        'The same unfiltered list_tasks on the 5,000-task sample account, read page by page and by one full sync. Compare the requests, the bytes and the time; then try the small account.',
      tool: 'list_tasks',
      arguments: {},
      defaults: { backend: 'mock', strategy: 'production', scenario: 'faithful', size: 'large', token: 'configured', read: 'pages' },
      offers: {
        backends: ['mock', 'real'],
        strategies: ['production'],
        scenarios: ['faithful', 'slow'],
        sizes: ['small', 'large'],
      },
      compare: {
        left: { read: 'pages' },
        right: { read: 'sync' },
        point:
          'Both read every active task. The cursor loop makes one request per 200 tasks (25 here); one full sync makes one, with about the same bytes. Todoist allows 100 full syncs per user per 15 minutes (and 1,000 incremental ones), so a full sync is for reading everything — a filtered read stays paged, and after the first read, an incremental sync brings only what changed.',
      },
    },
  ],
  widgets: ['real-time-lab'],
  sources: [
    {
      file: 'lib/todoist/sync.ts',
      symbol: 'syncRead',
      title: 'Sync: everything once, then only what changed',
      note: 'One POST with a sync_token: "*" reads the whole account, the returned token reads the delta since — one request, a few hundred bytes for one changed task.',
    },
    {
      file: 'lib/realtime/webhook-signature.ts',
      symbol: 'verifyWebhookSignature',
      title: 'The signature, on the raw bytes, in constant time',
      note: 'The HMAC is computed over the body exactly as it arrived and compared with timingSafeEqual; whichever app’s secret matches says who signed.',
    },
    {
      file: 'lib/realtime/webhook-receiver.ts',
      symbol: 'createWebhookReceiver',
      title: 'The receiver’s rules, in order',
      note: 'Unsigned before the body is read, then size, signature, shape, freshness, the delivery id, the account — and the 200 goes out before any sync runs.',
    },
    {
      file: 'lib/realtime/webhook-trigger.ts',
      symbol: 'refreshAndPublish',
      title: 'The event is a trigger; the sync is the truth',
      note: 'Whatever set it off — a webhook or the polling fallback — one incremental sync of the tenant’s replica, then resource_updated on that tenant’s bus for exactly the URIs it changed.',
    },
    {
      file: 'lib/realtime/naive-receiver.ts',
      symbol: 'NaiveReceiver',
      title: 'The naive receiver: every mistake that looks reasonable',
      note: 'No signature check, no delivery ids, the body taken as the latest truth. The drill shows what each of these costs.',
    },
    {
      file: 'lib/realtime/tenant-listeners.ts',
      symbol: 'TenantListeners',
      title: 'An event bus keyed by tenant',
      note: 'todoist://tasks/today is the same URI for everyone: events are published for a tenant, and a subscription listens to its own tenant only.',
    },
    {
      file: 'lib/mcp/http/listen.ts',
      symbol: 'createListenRoute',
      title: 'subscriptions/listen, per tenant',
      note: 'A 2026-07-28 listen request passes every check a call does, then gets a stream on its own tenant’s side of the bus; closing it gives everything back.',
    },
    {
      file: 'lib/realtime/polling-fallback.ts',
      symbol: 'PollingFallback',
      title: 'When no webhook can reach you',
      note: 'Incremental sync on a timer, only while someone listens, never two at once — and reads say that polling is the live path.',
    },
  ],
  checkpoints: [
    {
      question: 'Your webhook receiver parses the JSON body and then checks the signature over JSON.stringify(body). What goes wrong?',
      choices: [
        'Nothing: the JSON is the same',
        'A valid delivery can fail the check, because re-serialised JSON is not the bytes Todoist signed — verify over the raw body',
        'It is slower, so Todoist times out',
      ],
      answer: 1,
      explanation:
        'The HMAC covers the exact bytes sent: key order, spacing and escapes survive a parse-and-stringify only by luck. Read the raw body, verify it in constant time, and only then parse it.',
    },
    {
      question: 'A webhook for item:updated arrives twice with the same X-Todoist-Delivery-ID. What should the receiver do with the second one?',
      choices: [
        'Answer 200 and do nothing: it has already been handled',
        'Answer 409 so Todoist stops sending',
        'Apply it again: updates are idempotent',
      ],
      answer: 0,
      explanation:
        'The id is the same on every retry, so a second copy means a retry or a duplicate. Anything but 200 makes Todoist retry again; applying it twice is harmless for some events and wrong for others (a counter, an "added" list).',
    },
    {
      question: 'Deliveries can be late, out of order or lost. What makes the receiver end in the right state anyway?',
      choices: [
        'Sorting deliveries by triggered_at before applying them',
        'Asking Todoist to resend every delivery',
        'Using the event only as a trigger, and believing an incremental sync: it returns everything that changed since the last one',
      ],
      answer: 2,
      explanation:
        'An incremental sync does not depend on which deliveries arrived: its token marks the last state the server saw, and the answer brings it up to now. A lost delivery is healed by the next sync; a late one finds nothing new.',
    },
    {
      question: 'Alice and Bob both subscribe to todoist://tasks/today. Alice completes a task. Who gets notifications/resources/updated?',
      choices: [
        'Both: they subscribed to the same URI',
        'Alice only: the event bus is keyed by the tenant the change belongs to, not only by the URI',
        'Nobody until they re-read',
      ],
      answer: 1,
      explanation:
        'The URI names a view, not an account. Events are published for a tenant, and a subscription listens to its own tenant’s events only — otherwise a notification leaks when another user works.',
    },
    {
      question: 'Your server runs on a laptop behind NAT. What is the honest way to keep answers fresh?',
      choices: [
        'Re-read every task every few seconds',
        'Poll with incremental sync at a stated interval while a client is subscribed, and say in provenance that polling is live',
        'Nothing: answers will be stale anyway',
      ],
      answer: 1,
      explanation:
        'No webhook can reach a server behind NAT. An incremental sync is one small request, so polling with it is cheap; the interval is the staleness bound, and provenance says so.',
    },
  ],
  prompt: {
    purpose: 'Keep an MCP server’s answers about a user’s Todoist true as the user changes it elsewhere.',
    context:
      'This app’s MCP server reads Todoist through Sync: a full sync once, then incremental syncs with the returned sync_token into a per-tenant replica. Todoist (here, the mock) sends HMAC-signed webhooks on every change; the receiver verifies the raw body in constant time, refuses stale deliveries, deduplicates on X-Todoist-Delivery-ID, answers 200 and triggers an incremental sync for that user. Changed resources are published as resource_updated on an event bus keyed by tenant, and reach clients through MCP subscriptions (subscriptions/listen in 2026-07-28; 2025 clients served statelessly cannot be pushed to). Without a reachable webhook, the server polls with incremental sync and says so in provenance.',
    challenge:
      'Make an MCP integration notice within a second that the user changed their tasks elsewhere, at the cost of one small request per change, without ever telling one user about another’s changes.',
    concept: 'Events are triggers, state comes from sync: deliveries can be forged, duplicated, late, out of order or lost; a verified, deduplicated trigger plus an incremental read is correct under all of them.',
    patterns: [
      'Incremental sync with an opaque token, and a full sync when the token is refused',
      'HMAC verification over the raw body with a constant-time comparison',
      'Idempotent receivers: deduplicate on the delivery id for as long as a delivery can be replayed',
      'Acknowledge fast, work after the response',
      'A tenant-keyed event bus behind resource subscriptions',
      'Polling with incremental sync as the stated fallback',
    ],
    explore: [
      'How long must delivery ids be kept, and what decides it?',
      'What changes when two server instances receive webhooks for the same user at once?',
      'Which resources should a task completion notify, and how would you compute them cheaply?',
      'How would you show the user how fresh an answer is, in words a model will repeat correctly?',
      'What would a sessionful 2025 server need to push to its clients, and what does that cost when it scales out?',
    ],
  },
});
