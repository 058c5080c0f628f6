// Names for the health-assessment API's schemas (docs/openapi.yaml), so that the module reads
// `HealthWave` rather than `components['schemas']['HealthWave']`.
import type { Schemas } from '../../api/client';

export type HealthWave = Schemas['HealthWave'];
export type HealthWaveCreate = Schemas['HealthWaveCreate'];
export type HealthWaveUpdate = Schemas['HealthWaveUpdate'];
export type HealthWaveStatus = Schemas['HealthWaveStatus'];
export type HealthRespondent = Schemas['HealthRespondent'];
export type HealthRespondentInput = Schemas['HealthRespondentInput'];
export type HealthRespondentRole = Schemas['HealthRespondentRole'];
export type HealthResponseCount = Schemas['HealthResponseCount'];

export type QuestionBank = Schemas['QuestionBank'];
export type HealthDimension = Schemas['HealthDimension'];
export type HealthItem = Schemas['HealthItem'];
export type HealthItemScale = Schemas['HealthItemScale'];

export type HealthSheet = Schemas['HealthSheet'];
export type HealthAnswer = Schemas['HealthAnswer'];
export type HealthAnswerInput = Schemas['HealthAnswerInput'];

export type HealthResults = Schemas['HealthResults'];
export type HealthSlice = Schemas['HealthSlice'];
export type HealthDimensionResult = Schemas['HealthDimensionResult'];
export type HealthItemResult = Schemas['HealthItemResult'];
export type HealthSignal = Schemas['HealthSignal'];
export type HealthSignalKey = HealthSignal['key'];
export type HealthActionPlan = Schemas['HealthActionPlan'];
export type HealthActionPlanCreate = Schemas['HealthActionPlanCreate'];
export type HealthTrends = Schemas['HealthTrends'];
export type HealthTrendWave = HealthTrends['waves'][number];

export type MySurvey = Schemas['MySurvey'];
