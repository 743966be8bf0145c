/**
 * Whose account a workspace is. The generated datasets are shared by everyone,
 * and so is their user ("Alex Morgan", one id per dataset); a workspace is its
 * own Todoist user with an id of its own. Objects leave the mock showing that
 * id wherever the dataset shows its own — the owner of a task, who added it,
 * who posted a comment — so `/user`, Sync, every task and every webhook agree
 * on who this is, and two learners' copies of one dataset never look like the
 * same person.
 *
 * The data stays as generated (shared, frozen); this is a view, applied as
 * objects are sent.
 */
import type { MockUser } from './dataset';

/** The fields of Todoist's objects that name a user. */
const USER_FIELDS = ['user_id', 'added_by_uid', 'assigned_by_uid', 'responsible_uid', 'completed_by_uid', 'posted_uid'] as const;

/** Who the account is, where it is not the generated user (a sample account's name and email, say). */
export interface AccountIdentity {
  id: string;
  full_name?: string;
  email?: string;
}

export interface AccountView {
  /** The account's user: the dataset's, under the account's identity. */
  readonly user: MockUser;
  /** A copy of `object` naming the account wherever it names the dataset's user; the object itself when it names no one. */
  present<T>(object: T): T;
}

export function accountView(datasetUser: MockUser, identity: AccountIdentity): AccountView {
  const from = datasetUser.id;
  const to = identity.id;
  return {
    user: {
      ...datasetUser,
      id: to,
      ...(identity.full_name !== undefined && { full_name: identity.full_name }),
      ...(identity.email !== undefined && { email: identity.email }),
    },
    present<T>(object: T): T {
      if (typeof object !== 'object' || object === null || from === to) return object;
      const record = object as Record<string, unknown>;
      let copy: Record<string, unknown> | undefined;
      for (const field of USER_FIELDS) {
        if (record[field] !== from) continue;
        copy ??= { ...record };
        copy[field] = to;
      }
      return (copy ?? object) as T;
    },
  };
}
