// Names for the Agreements API's schemas (docs/openapi.yaml), so that the module reads
// `Agreement` rather than `components['schemas']['Agreement']`. Enumerations are named from the
// fields that carry them.
import type { Schemas } from '../../api/client';

export type Agreement = Schemas['Agreement'];
export type AgreementCreate = Schemas['AgreementCreate'];
export type AgreementUpdate = Schemas['AgreementUpdate'];
export type AgreementKind = Schemas['AgreementKind'];
export type AgreementRelation = Schemas['AgreementRelation'];
export type AgreementStatus = Schemas['AgreementStatus'];
export type Exclusivity = Schemas['Exclusivity'];
export type AgreementTerms = Schemas['AgreementTerms'];
export type AgreementTermChanges = Schemas['AgreementTermChanges'];
export type ObligationChange = Schemas['ObligationChange'];
export type AgreementAmendmentEntry = Schemas['AgreementAmendmentEntry'];
export type AgreementDocument = Schemas['AgreementDocument'];
export type AgreementNote = Schemas['AgreementNote'];
export type AgreementNoteCreate = Schemas['AgreementNoteCreate'];
export type AgreementNoteUpdate = Schemas['AgreementNoteUpdate'];

export type Obligation = Schemas['Obligation'];
export type ObligationCreate = Schemas['ObligationCreate'];
export type ObligationUpdate = Schemas['ObligationUpdate'];
export type ObligationCategory = Schemas['ObligationCategory'];
export type ObligationDirection = Schemas['ObligationDirection'];
export type ObligationSchedule = Schemas['ObligationSchedule'];
export type ObligationSignal = Schemas['ObligationSignal'];
export type Occurrence = Schemas['Occurrence'];
export type OccurrenceStatus = Schemas['OccurrenceStatus'];
export type OccurrenceUpdate = Schemas['OccurrenceUpdate'];
export type MyOccurrence = Schemas['MyOccurrence'];

export type Compliance = Schemas['Compliance'];
export type ComplianceRow = Schemas['ComplianceRow'];
export type ComplianceQuarter = Schemas['ComplianceQuarter'];
export type ComplianceSignal = Schemas['ComplianceSignal'];

export type Restriction = Schemas['Restriction'];
export type RestrictionCreate = Schemas['RestrictionCreate'];
export type RestrictionUpdate = Schemas['RestrictionUpdate'];
export type RestrictionKind = Schemas['RestrictionKind'];
export type ConflictCheckRequest = Schemas['ConflictCheckRequest'];
export type ConflictCheck = Schemas['ConflictCheck'];
export type ConflictHit = Schemas['ConflictHit'];

export type IpAsset = Schemas['IpAsset'];
export type IpAssetCreate = Schemas['IpAssetCreate'];
export type IpAssetUpdate = Schemas['IpAssetUpdate'];
export type IpAssetKind = Schemas['IpAssetKind'];
export type IpShare = Schemas['IpShare'];
export type IpLicence = Schemas['IpLicence'];

export type Dataset = Schemas['Dataset'];
export type DatasetCreate = Schemas['DatasetCreate'];
export type DatasetUpdate = Schemas['DatasetUpdate'];
export type PrivacyBasis = Schemas['PrivacyBasis'];
export type DestructionStatus = Schemas['DestructionStatus'];
export type DestructionConfirmation = Schemas['DestructionConfirmation'];
