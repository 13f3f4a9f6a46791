import { fail, readBoolean, readObject } from '../seedFields.js';
import {
  accountCenterFields,
  type AccountCenterControl,
  type AccountCenterField,
  type SeedAccountCenter,
} from './SeedAccountCenter.js';

const controls: readonly string[] = ['Off', 'ReadOnly', 'Edit'] satisfies AccountCenterControl[];

/**
 * Validates the seed's `accountCenter`. Left out, the account center is off and every field is
 * `Off`, as on a new Logto tenant; a seed that wants the Account API says so.
 *
 * @throws {SeedValidationError} naming the bad field, e.g. `seed.accountCenter.fields.nmae`
 */
export function readAccountCenterSeed(value: unknown): SeedAccountCenter {
  const path = 'seed.accountCenter';
  const item =
    value === undefined ? {} : readObject(value, path, ['enabled', 'fields', 'devFeatures']);
  const given =
    item.fields === undefined ? {} : readObject(item.fields, `${path}.fields`, accountCenterFields);
  const fields = Object.fromEntries(
    accountCenterFields.map((field) => [
      field,
      readControl(given[field], `${path}.fields.${field}`),
    ]),
  ) as Record<AccountCenterField, AccountCenterControl>;
  return {
    enabled: readBoolean(item.enabled, `${path}.enabled`, false),
    fields,
    devFeatures: readBoolean(item.devFeatures, `${path}.devFeatures`, false),
  };
}

function readControl(value: unknown, path: string): AccountCenterControl {
  if (value === undefined) return 'Off';
  if (typeof value !== 'string' || !controls.includes(value)) {
    fail(path, `expected one of: ${controls.join(', ')}`);
  }
  return value as AccountCenterControl;
}
