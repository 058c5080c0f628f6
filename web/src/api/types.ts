// Names for the contract's schemas, so that features read `Alliance` rather than
// `components['schemas']['Alliance']`.
import type { Schemas } from './client';

export type User = Schemas['User'];
export type Organization = Schemas['Organization'];
export type OrganizationType = Schemas['OrganizationType'];
export type Session = Schemas['Session'];
export type Me = Schemas['Me'];
export type Alliance = Schemas['Alliance'];
export type AllianceCreate = Schemas['AllianceCreate'];
export type AllianceUpdate = Schemas['AllianceUpdate'];
export type AllianceType = Schemas['AllianceType'];
export type AllianceRole = Schemas['AllianceRole'];
export type Stage = Schemas['Stage'];
export type Tier = Schemas['Tier'];
export type Party = Schemas['Party'];
export type PartyRole = Schemas['PartyRole'];
export type StageInfo = Schemas['StageInfo'];
export type StageTransition = Schemas['StageTransition'];
export type Member = Schemas['Member'];
export type Note = Schemas['Note'];
export type NoteCreate = Schemas['NoteCreate'];
export type Visibility = Schemas['Visibility'];
export type AuditEvent = Schemas['AuditEvent'];
export type Invitation = Schemas['Invitation'];
export type InvitationCreated = Schemas['InvitationCreated'];
export type InvitationLookup = Schemas['InvitationLookup'];
export type Token = Schemas['Token'];
export type TokenCreated = Schemas['TokenCreated'];
export type OrgRole = Schemas['OrgRole'];
