// My surveys: the health-assessment waves the signed-in person is asked to answer, across their
// alliances. Kept apart from the rest of the module because the header counts the open ones that
// wait for an answer on every page: this is all the header loads.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Schemas } from '../../api/client';

type Survey = Schemas['MySurvey'];

export const mySurveysKey = ['me', 'surveys'] as const;

export const mySurveysQuery = queryOptions({
  queryKey: mySurveysKey,
  queryFn: async (): Promise<Survey[]> => (await unwrap(api.GET('/api/v1/me/surveys'))).items,
});

export function useMySurveys() {
  return useQuery(mySurveysQuery);
}

/** Open now and not yet answered: what waits for me. */
export function waitsForMe(survey: Pick<Survey, 'status' | 'submitted'>): boolean {
  return survey.status === 'open' && !survey.submitted;
}

/** How many surveys wait for an answer from me; 0 while the list loads or when it failed. */
export function useSurveysToAnswer(): number {
  return useMySurveys().data?.filter(waitsForMe).length ?? 0;
}
