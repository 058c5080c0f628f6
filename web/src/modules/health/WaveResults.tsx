// A closed wave's results, under the anonymity rule: the overall and each party's score; per
// dimension each party's score (or "hidden", and why), the perception gap and whether it is
// flagged; the gaps as bars, largest first, and the dimensions by party on a radar, each chart with
// a table of the same numbers; and per dimension how its score moved since the wave before, its
// scores beside what the alliance's records show over the evidence period, the action plans made
// from it (and, for those who may, a form to make one), its questions with how people answered,
// its scores by role and its comments when there are enough of them.
import { Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconFlag, IconPlus } from '@tabler/icons-react';
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { Alliance, Member } from '../../api/types';
import { EChart } from '../../ui/EChart';
import { QueryView } from '../../ui/feedback';
import { wordsOf } from '../../ui/words';
import { canWriteRecords } from '../records/access';
import { ActionPlanModal, type PlanTarget } from './ActionPlanForm';
import { ActionPlanTable } from './ActionPlans';
import { HiddenScore } from './badges';
import { ChartCard } from './ChartCard';
import { EvidenceList } from './Evidence';
import classes from './WaveResults.module.css';
import { formatGap, formatScore, gapThresholdOf, hiddenExplanation } from './format';
import { agreementLabel, DONT_KNOW_LABEL, LEVEL_VALUES, AGREEMENT_VALUES, RESPONDENT_ROLE_LABELS } from './labels';
import { useResults } from './queries';
import { gapChartOption, gapRows, gapSummary, partiesHiddenEverywhere, partiesOf, radarOption, radarSummary, sliceOf, type GapRow } from './results';
import { evidencePeriodText, movementOf, type Movement } from './signals';
import type { HealthDimensionResult, HealthItemResult, HealthItemScale, HealthResults, HealthRespondentRole, HealthSlice, HealthWave } from './types';

const YES_NO = wordsOf('answer');

/** Why a score is hidden: the sentence each "hidden" shows, and the note under the tables it points to. */
interface Anonymity {
  explanation: string;
  noteId: string;
}

function Score({ slice, scale = 'hundred', anonymity }: { slice: HealthSlice | undefined; scale?: HealthItemScale | 'hundred'; anonymity: Anonymity }) {
  if (!slice) return <>–</>;
  if (slice.hidden) return <HiddenScore explanation={anonymity.explanation} noteId={anonymity.noteId} />;
  return <>{formatScore(slice.score, scale)}</>;
}

function FlagBadge() {
  return (
    <Badge color="red" variant="light" radius="sm" leftSection={<IconFlag size={12} aria-hidden />} style={{ flexShrink: 0 }}>
      Flagged
    </Badge>
  );
}

function OverallScores({ results, anonymity }: { results: HealthResults; anonymity: Anonymity }) {
  const slices = [results.overall, ...results.parties];
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="health-overall">
      <Title order={3} size="h5" id="health-overall" mb="sm">
        Overall score
      </Title>
      <SimpleGrid cols={{ base: 1, xs: Math.min(slices.length, 3), md: Math.min(slices.length, 4) }} spacing="sm">
        {slices.map((s) => (
          <Paper key={s.key} withBorder radius="sm" p="sm" data-slice={s.name} bg={s.key === 'all' ? 'var(--mantine-color-indigo-0)' : undefined}>
            <Text size="xs" c="dimmed" fw={600}>
              {s.name}
            </Text>
            <Text size="xl" fw={700} lh={1.3}>
              <Score slice={s} anonymity={anonymity} />
              {!s.hidden && s.score !== null && (
                <Text span size="xs" c="dimmed" fw={400}>
                  {' '}
                  of 100
                </Text>
              )}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">
        {results.scale}
      </Text>
      <Text size="xs" c="dimmed" data-evidence-period>
        {evidencePeriodText(results.evidence_period)}: what the alliance’s records show over these days stands beside each dimension’s scores
        below.
      </Text>
    </Paper>
  );
}

function DimensionTable({ results, anonymity, threshold }: { results: HealthResults; anonymity: Anonymity; threshold: number }) {
  const parties = partiesOf(results);
  return (
    <Paper withBorder radius="md" component="section" aria-labelledby="health-by-dimension">
      <Title order={3} size="h5" id="health-by-dimension" px={{ base: 'md', sm: 'lg' }} pt="md">
        By dimension
      </Title>
      <Text size="xs" c="dimmed" px={{ base: 'md', sm: 'lg' }} mb="xs">
        Scores from 0 to 100. A gap of {threshold} or more between the highest and the lowest party is flagged.
      </Text>
      <Table.ScrollContainer minWidth={440 + parties.length * 100}>
        <Table verticalSpacing="xs" aria-label="Scores by dimension" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Dimension</Table.Th>
              {parties.map((p) => (
                <Table.Th scope="col" ta="right" key={p.key}>
                  {p.name}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {results.overall.name}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Gap
              </Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">Flag</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.dimensions.map((d) => (
              <Table.Tr key={d.key} data-dimension={d.name} data-flagged={d.gap_flagged || undefined}>
                <Table.Th scope="row" fw={d.gap_flagged ? 700 : 500} fz="sm">
                  {d.name}
                </Table.Th>
                {parties.map((p) => (
                  <Table.Td ta="right" key={p.key}>
                    <Score slice={sliceOf(d, p.key)} anonymity={anonymity} />
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={600}>
                  <Score slice={d.overall} anonymity={anonymity} />
                </Table.Td>
                <Table.Td ta="right" fw={d.gap_flagged ? 700 : undefined} c={d.gap_flagged ? 'red.9' : undefined}>
                  {formatGap(d.gap)}
                </Table.Td>
                <Table.Td>{d.gap_flagged && <FlagBadge />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" px={{ base: 'md', sm: 'lg' }} py="sm" id={anonymity.noteId}>
        {anonymity.explanation}
      </Text>
    </Paper>
  );
}

function GapTable({ rows }: { rows: readonly GapRow[] }) {
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table verticalSpacing={6} aria-label="Perception gap by dimension">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Dimension</Table.Th>
            <Table.Th scope="col" ta="right">
              Gap
            </Table.Th>
            <Table.Th scope="col">Flagged</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} data-dimension={r.name}>
              <Table.Th scope="row" fw={r.flagged ? 700 : 500} fz="sm">
                {r.name}
              </Table.Th>
              <Table.Td ta="right">{r.gap === null ? 'No gap: fewer than two parties shown' : formatGap(r.gap)}</Table.Td>
              <Table.Td>{r.flagged ? YES_NO.yes : YES_NO.no}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RadarTable({ results, anonymity }: { results: HealthResults; anonymity: Anonymity }) {
  const parties = [...partiesOf(results), { key: 'all', name: results.overall.name }];
  return (
    <Table.ScrollContainer minWidth={320 + parties.length * 100}>
      <Table verticalSpacing={6} aria-label="Dimensions by party">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Dimension</Table.Th>
            {parties.map((p) => (
              <Table.Th scope="col" ta="right" key={p.key}>
                {p.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.dimensions.map((d) => (
            <Table.Tr key={d.key} data-dimension={d.name}>
              <Table.Th scope="row" fw={500} fz="sm">
                {d.name}
              </Table.Th>
              {parties.map((p) => (
                <Table.Td ta="right" key={p.key}>
                  <Score slice={sliceOf(d, p.key)} anonymity={anonymity} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The answers an item's distribution counts, in the scale's order, "don't know" last. */
function answerKeys(scale: HealthItemScale): { key: string; label: string }[] {
  const values =
    scale === 'agreement'
      ? AGREEMENT_VALUES.map((v) => ({ key: String(v), label: agreementLabel(v) }))
      : LEVEL_VALUES.map((v) => ({ key: String(v), label: `Level ${v}` }));
  return [...values, { key: 'dont_know', label: DONT_KNOW_LABEL }];
}

function Distribution({ item }: { item: HealthItemResult }) {
  if (!item.distribution) {
    return (
      <Text size="xs" c="dimmed">
        How people answered is hidden: too few gave an answer to show it without giving someone away.
      </Text>
    );
  }
  const counts = item.distribution;
  const keys = answerKeys(item.scale);
  const most = Math.max(1, ...keys.map((k) => counts[k.key] ?? 0));
  return (
    <Table verticalSpacing={2} horizontalSpacing="xs" aria-label={`How people answered “${item.text}”`} maw={520}>
      <Table.Thead className="visually-hidden">
        <Table.Tr>
          <Table.Th scope="col">Answer</Table.Th>
          <Table.Th scope="col">People</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((k) => {
          const n = counts[k.key] ?? 0;
          return (
            <Table.Tr key={k.key} data-answer={k.label}>
              <Table.Th scope="row" fw={400} fz="xs" w={210}>
                {k.label}
              </Table.Th>
              <Table.Td fz="xs">
                <Group gap={6} wrap="nowrap">
                  <Box
                    aria-hidden
                    h={8}
                    w={`${Math.max(2, (n / most) * 160)}px`}
                    bg={n ? 'indigo.5' : 'gray.3'}
                    style={{ borderRadius: 4, flexShrink: 0 }}
                  />
                  <span>{n}</span>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** Starting an action plan from a result: for those who may, null for the others. */
type PlanFrom = ((target: PlanTarget) => void) | null;

/** "Create action plan", named for what it answers ("… for Trust", "… for question 2.1"). */
function CreatePlanButton({ onClick, target, variant = 'light' }: { onClick: () => void; target: string; variant?: 'light' | 'subtle' }) {
  return (
    <Button size="compact-sm" variant={variant} leftSection={<IconPlus size={14} aria-hidden />} onClick={onClick} style={{ flexShrink: 0 }}>
      Create action plan{' '}
      <span className="visually-hidden">for {target}</span>
    </Button>
  );
}

function ItemResult({
  item,
  number,
  parties,
  anonymity,
  onPlan,
}: {
  item: HealthItemResult;
  number: string;
  parties: { key: string; name: string }[];
  anonymity: Anonymity;
  onPlan: (() => void) | null;
}) {
  return (
    <Paper withBorder radius="sm" p="sm" data-item={item.text}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {number} {item.text}
        </Text>
        {onPlan && <CreatePlanButton onClick={onPlan} target={`question ${number}`} variant="subtle" />}
      </Group>
      <Text size="xs" c="dimmed" mb={6}>
        {item.scale === 'agreement' ? 'Scores from 1 (strongly disagree) to 5 (strongly agree).' : 'Scores from 0 to 100, the level of the practice.'}
      </Text>
      <Group gap="md" mb={6} fz="sm">
        <span>
          {item.overall.name}: <Score slice={item.overall} scale={item.scale} anonymity={anonymity} />
        </span>
        {parties.map((p) => (
          <span key={p.key}>
            {p.name}: <Score slice={item.parties.find((s) => s.key === p.key)} scale={item.scale} anonymity={anonymity} />
          </span>
        ))}
        {item.gap !== null && (
          <span>
            Gap: {formatGap(item.gap, item.scale)} {item.gap_flagged && <FlagBadge />}
          </span>
        )}
      </Group>
      <Distribution item={item} />
    </Paper>
  );
}

function roleName(slice: HealthSlice): string {
  return RESPONDENT_ROLE_LABELS[slice.key as HealthRespondentRole] ?? slice.name;
}

/** How a dimension moved since the wave before: an arrow for the eye, the words for everyone. */
function MovementText({ movement, size = 'sm' }: { movement: Movement; size?: 'xs' | 'sm' }) {
  const Arrow = movement.change > 0 ? IconArrowUpRight : movement.change < 0 ? IconArrowDownRight : null;
  return (
    <Text span size={size} fw={600} c={movement.change > 0 ? 'teal.9' : movement.change < 0 ? 'red.9' : 'dimmed'} style={{ whiteSpace: 'nowrap' }} data-movement>
      {Arrow && <Arrow size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 2 }} />}
      {movement.text}
    </Text>
  );
}

/** What people answered for a dimension, beside what the alliance's records show over the period. */
function PerceptionBesideEvidence({ dimension: d, results, anonymity }: { dimension: HealthDimensionResult; results: HealthResults; anonymity: Anonymity }) {
  const movement = movementOf(d);
  return (
    <Box component="section" aria-label={`Perception beside evidence for ${d.name}`}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <div>
          <Text size="sm" fw={600} mb={4}>
            Perception
          </Text>
          <Text size="sm">
            {d.overall.name}: <Score slice={d.overall} anonymity={anonymity} />
            {movement && (
              <>
                {' · '}
                <MovementText movement={movement} />
              </>
            )}
          </Text>
          {partiesOf(results).map((p) => (
            <Text size="sm" key={p.key}>
              {p.name}: <Score slice={sliceOf(d, p.key)} anonymity={anonymity} />
            </Text>
          ))}
        </div>
        <div>
          <Text size="sm" fw={600} mb={4}>
            Evidence
          </Text>
          <EvidenceList signals={d.evidence} dimensionName={d.name} />
        </div>
      </SimpleGrid>
    </Box>
  );
}

function DimensionDetail({
  dimension: d,
  index,
  results,
  anonymity,
  commentThreshold,
  allianceId,
  onPlan,
}: {
  dimension: HealthDimensionResult;
  index: number;
  results: HealthResults;
  anonymity: Anonymity;
  commentThreshold: number;
  allianceId: string;
  onPlan: PlanFrom;
}) {
  const parties = partiesOf(results);
  const number = index + 1;
  return (
    <Stack gap="md">
      <PerceptionBesideEvidence dimension={d} results={results} anonymity={anonymity} />
      <Box component="section" aria-label={`Action plans for ${d.name}`}>
        <Group justify="space-between" gap="xs" mb={4}>
          <Text size="sm" fw={600}>
            Action plans
          </Text>
          {onPlan && <CreatePlanButton onClick={() => onPlan({ dimension: d, number, itemKey: null })} target={d.name} />}
        </Group>
        <ActionPlanTable allianceId={allianceId} waveId={results.wave.id} dimension={d} number={number} />
      </Box>
      {d.roles.length > 0 && (
        <Text size="sm">
          <Text span fw={600}>
            By role:{' '}
          </Text>
          {d.roles.map((r, i) => (
            <span key={r.key}>
              {i > 0 ? ' · ' : ''}
              {roleName(r)} <Score slice={r} anonymity={anonymity} />
            </span>
          ))}
        </Text>
      )}
      <Stack gap="sm">
        {d.items.map((item, i) => (
          <ItemResult
            key={item.key}
            item={item}
            number={`${number}.${i + 1}`}
            parties={parties}
            anonymity={anonymity}
            onPlan={onPlan && (() => onPlan({ dimension: d, number, itemKey: item.key }))}
          />
        ))}
      </Stack>
      <Box component="section" aria-label={`Comments on ${d.name}`}>
        <Text size="sm" fw={600} mb={4}>
          Comments
        </Text>
        {d.comments === null ? (
          <Text size="xs" c="dimmed">
            Comments are shown only when a dimension has at least {commentThreshold} of them, so that nobody is recognised by their words; this one
            has fewer.
          </Text>
        ) : d.comments.length === 0 ? (
          <Text size="xs" c="dimmed">
            No comments.
          </Text>
        ) : (
          <Stack component="ul" gap={6} p={0} m={0}>
            {d.comments.map((c, i) => (
              <Text component="li" key={i} size="sm" style={{ listStyle: 'none', borderLeft: '3px solid var(--mantine-color-gray-3)', paddingLeft: 10, whiteSpace: 'pre-wrap' }}>
                {c}
              </Text>
            ))}
          </Stack>
        )}
      </Box>
    </Stack>
  );
}

/**
 * A dimension that opens to its detail; what is inside is drawn only while it is open. Closed, it
 * says how the dimension moved, how many action plans answer it and whether its gap is flagged.
 */
function DimensionDisclosure({ dimension: d, children }: { dimension: HealthDimensionResult; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const movement = movementOf(d);
  const plans = d.action_plans.length;
  return (
    <details className={classes.dimension} onToggle={(event) => setOpen(event.currentTarget.open)} data-dimension={d.name}>
      <summary className={classes.summary}>
        <Text span size="sm" fw={600} style={{ flex: 1, minWidth: 160 }}>
          {d.name}
        </Text>
        {movement && <MovementText movement={movement} size="xs" />}
        {plans > 0 && (
          <Text span size="xs" c="dimmed">
            {plans} {plans === 1 ? 'action plan' : 'action plans'}
          </Text>
        )}
        <Text span size="xs" c="dimmed">
          {d.items.length} {d.items.length === 1 ? 'question' : 'questions'}
        </Text>
        {d.gap_flagged && <FlagBadge />}
      </summary>
      {open && <div className={classes.body}>{children}</div>}
    </details>
  );
}

function ResultsBody({ alliance, members, membersReady, results }: { alliance: Alliance; members: Member[]; membersReady: boolean; results: HealthResults }) {
  const wave = results.wave;
  const noteId = useId();
  const anonymity = { explanation: hiddenExplanation(wave.score_threshold), noteId };
  const threshold = gapThresholdOf(wave);
  const rows = useMemo(() => gapRows(results.dimensions), [results.dimensions]);
  const gapOption = useMemo(() => gapChartOption(rows, threshold), [rows, threshold]);
  const radar = useMemo(() => radarOption(results), [results]);
  const anyGap = rows.some((r) => r.gap !== null);
  const hiddenEverywhere = partiesHiddenEverywhere(results);
  const anyScore = results.dimensions.some((d) => !d.overall.hidden || d.parties.some((p) => !p.hidden));
  // Whoever may add the alliance's action items may turn a result into one (Governance → Actions),
  // once the members who may own it are known.
  const [planning, setPlanning] = useState<PlanTarget | null>(null);
  const onPlan: PlanFrom = canWriteRecords(alliance) && membersReady ? setPlanning : null;
  return (
    <Stack gap="md">
      <OverallScores results={results} anonymity={anonymity} />
      <DimensionTable results={results} anonymity={anonymity} threshold={threshold} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard
          title="Perception gap"
          chart={
            anyGap ? (
              <EChart option={gapOption} height={Math.max(160, rows.filter((r) => r.gap !== null).length * 30 + 40)} label={gapSummary(rows)} />
            ) : (
              <Text size="sm" c="dimmed">
                No gap to show: in every dimension fewer than two parties have enough answers to be shown.
              </Text>
            )
          }
          table={<GapTable rows={rows} />}
        />
        <ChartCard
          title="Dimensions by party"
          chart={
            anyScore ? (
              <>
                <EChart option={radar} height={380} label={radarSummary(results)} />
                {hiddenEverywhere.length > 0 && (
                  <Text size="xs" c="dimmed" mt="xs">
                    Not drawn: {hiddenEverywhere.join(' and ')}, hidden in every dimension to keep the answers anonymous.
                  </Text>
                )}
              </>
            ) : (
              <Text size="sm" c="dimmed">
                Nothing to draw: every score is hidden, because too few people answered to show any without giving someone away.
              </Text>
            )
          }
          table={<RadarTable results={results} anonymity={anonymity} />}
        />
      </SimpleGrid>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="health-dimensions">
        <Title order={3} size="h5" id="health-dimensions" mb={4}>
          Dimension by dimension
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          Open a dimension for its scores beside what the alliance’s records show, the action plans that answer it, how people answered each of its
          questions, its scores by role, and its comments.
        </Text>
        {results.dimensions.map((d, i) => (
          <DimensionDisclosure key={d.key} dimension={d}>
            <DimensionDetail
              dimension={d}
              index={i}
              results={results}
              anonymity={anonymity}
              commentThreshold={wave.comment_threshold}
              allianceId={alliance.id}
              onPlan={onPlan}
            />
          </DimensionDisclosure>
        ))}
      </Paper>
      <ActionPlanModal alliance={alliance} members={members} wave={wave} target={planning} onClose={() => setPlanning(null)} />
    </Stack>
  );
}

export function WaveResults({ alliance, wave, members, membersReady }: { alliance: Alliance; wave: HealthWave; members: Member[]; membersReady: boolean }) {
  const results = useResults(alliance.id, wave.id, wave.status === 'closed');
  return (
    <QueryView query={results} loaderLabel="Working out the results…">
      {(data) => <ResultsBody alliance={alliance} members={members} membersReady={membersReady} results={data} />}
    </QueryView>
  );
}
