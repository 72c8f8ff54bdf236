import type { Api, ApiProduct, Application, Environment, MemberRole, Plan, ReferenceType, StoreData, Subscription, User } from './model.ts';
import { createSeedData } from './seed.ts';

export type PermissionAction = 'C' | 'R' | 'U' | 'D';

// Subscription rights of Gravitee's default API and API Product roles: owners may do everything,
// the USER role may only read.
const SUBSCRIPTION_ACTIONS: Record<MemberRole, PermissionAction[]> = {
  PRIMARY_OWNER: ['C', 'R', 'U', 'D'],
  OWNER: ['C', 'R', 'U', 'D'],
  USER: ['R'],
};

/** The simulator's in-memory state with lookups; `reset` reseeds it. */
export class Store {
  data: StoreData;

  constructor(now: Date) {
    this.data = createSeedData(now);
  }

  reset(now: Date): void {
    this.data = createSeedData(now);
  }

  /** Finds an environment by id, or also by hrid when `allowHrid` is set. */
  findEnvironment(idOrHrid: string, allowHrid: boolean): Environment | undefined {
    const byId = this.data.environments.find((environment) => environment.id === idOrHrid);
    if (byId || !allowHrid) return byId;
    return this.data.environments.find((environment) => environment.hrids.includes(idOrHrid));
  }

  findUser(id: string): User | undefined {
    return this.data.users.find((user) => user.id === id);
  }

  findApi(id: string): Api | undefined {
    return this.data.apis.find((api) => api.id === id);
  }

  findApiProduct(id: string): ApiProduct | undefined {
    return this.data.apiProducts.find((product) => product.id === id);
  }

  findPlan(id: string): Plan | undefined {
    return this.data.plans.find((plan) => plan.id === id);
  }

  findApplication(id: string): Application | undefined {
    return this.data.applications.find((application) => application.id === id);
  }

  findSubscription(id: string): Subscription | undefined {
    return this.data.subscriptions.find((subscription) => subscription.id === id);
  }

  /** Name of an API or API Product, for display. */
  referenceName(referenceType: ReferenceType, referenceId: string): string | undefined {
    return referenceType === 'API' ? this.findApi(referenceId)?.name : this.findApiProduct(referenceId)?.name;
  }

  /**
   * Returns the user's rights on the subscriptions of one API or API Product: from a direct
   * membership, from a group attached to the API, or all of them for an environment admin.
   */
  subscriptionActions(user: User, referenceType: ReferenceType, referenceId: string): Set<PermissionAction> {
    if (user.environmentAdmin) return new Set(['C', 'R', 'U', 'D']);

    const roles: MemberRole[] = [];
    if (referenceType === 'API') {
      const api = this.findApi(referenceId);
      if (!api) return new Set();
      for (const member of api.members) if (member.userId === user.id) roles.push(member.role);
      for (const groupId of api.groupIds) {
        const group = this.data.groups.find((candidate) => candidate.id === groupId);
        for (const member of group?.members ?? []) if (member.userId === user.id) roles.push(member.role);
      }
    } else {
      const product = this.findApiProduct(referenceId);
      for (const member of product?.members ?? []) if (member.userId === user.id) roles.push(member.role);
    }

    return new Set(roles.flatMap((role) => SUBSCRIPTION_ACTIONS[role]));
  }

  /** APIs whose subscriptions the user may read, in one environment. */
  readableApis(user: User, environmentId: string): Api[] {
    return this.data.apis.filter((api) => api.environmentId === environmentId && this.subscriptionActions(user, 'API', api.id).has('R'));
  }
}
