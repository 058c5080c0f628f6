import { MySurveys } from '../modules/health/MySurveys';
import { PageHeader } from '../ui/PageHeader';

export function MySurveysPage() {
  return (
    <>
      <PageHeader title="Surveys" description="The health assessments you are asked to answer, in every alliance." />
      <MySurveys />
    </>
  );
}
