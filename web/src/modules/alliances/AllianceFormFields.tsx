// The fields of the alliance form, shared by "new alliance" and "edit alliance".
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconBuildingPlus, IconGitPullRequest, IconLock, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { RegisterOrganizationModal } from '../organizations/RegisterOrganizationModal';
import {
  ALLIANCE_TYPE_LABELS,
  ALLIANCE_TYPES,
  ORGANIZATION_TYPE_LABELS,
  PARTY_ROLE_LABELS,
  PARTY_ROLES,
  PRIORITY_NOTE_LABEL,
  STAGE_LABELS,
  TIER_DESCRIPTIONS,
  TIER_FIELD_LABEL,
  TIER_PRIVACY_HINT,
  options,
} from '../../ui/labels';
import { emptyParty, LIMITS, partiesProblem, validateAlliance, type AllianceFormValues } from './formModel';
import { joinNames } from './proposalModel';

export type AllianceForm = UseFormReturnType<AllianceFormValues>;

export function useAllianceForm(initialValues: AllianceFormValues): AllianceForm {
  return useForm<AllianceFormValues>({
    mode: 'controlled',
    initialValues,
    validateInputOnChange: true,
    validate: validateAlliance,
  });
}

function Section({ title, description, icon, children }: { title: string; description?: string; icon?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <div>
          <Group gap="xs">
            {icon}
            <Title order={2} size="h4">
              {title}
            </Title>
          </Group>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

function counter(value: string, limit: number) {
  return value.length > limit * 0.8 ? `${value.length.toLocaleString()} / ${limit.toLocaleString()}` : undefined;
}

/**
 * How an edit reaches the other parties. While another party has a manager (`consentRequired`),
 * the shared fields are proposed to `others`; each party's words are edited only by those in
 * `editableWords`; and a party that only the proposal adds (not in `existingParties`) gets its
 * words once it is in.
 */
export interface ChangeControl {
  consentRequired: boolean;
  others: string[];
  editableWords: ReadonlySet<string>;
  existingParties: ReadonlySet<string>;
  /** Parties with people in the alliance: never removed (their part ends with the stage). */
  joinedParties: ReadonlySet<string>;
}

export function AllianceFormFields({
  form,
  myOrganizationId,
  myOrganizationName,
  mode,
  showPartiesProblem,
  changeControl,
}: {
  form: AllianceForm;
  myOrganizationId: string;
  myOrganizationName: string;
  mode: 'create' | 'edit';
  showPartiesProblem: boolean;
  /** Edit mode only; a new alliance has nobody else to ask. */
  changeControl?: ChangeControl;
}) {
  const [registering, setRegistering] = useState(false);
  const values = form.values;
  const chosen = values.parties.map((p) => p.organization_id).filter(Boolean);
  const partiesMessage = showPartiesProblem ? partiesProblem(values, myOrganizationId) : null;
  const consent = changeControl?.consentRequired ? changeControl : null;
  const others = consent ? joinNames(consent.others) || 'the other parties' : '';
  const sharedNote = consent ? `Shared by every party: a change here is proposed to ${others} and applies once they accept.` : null;

  return (
    <Stack gap="lg">
      {consent && (
        <Alert color="indigo" variant="light" role="note" icon={<IconGitPullRequest aria-hidden />} title={`Changes to shared fields need the agreement of ${others}`}>
          The name, type, description, territory, therapeutic areas, the North Star statement and beneficiaries, and the
          parties belong to every party. When you change them, they are proposed to {others} and change once{' '}
          {consent.others.length > 1 ? 'each accepts' : 'they accept'}. Your tier, your priority note and your organisation’s own
          contribution and expected value are saved at once.
        </Alert>
      )}
      <Section title="The alliance" description={sharedNote ?? 'What it is and what it covers.'}>
        <TextInput
          label="Name"
          required
          placeholder="e.g. Meridian–Pulsewise digital adherence programme"
          description={counter(values.name, LIMITS.name)}
          {...form.getInputProps('name')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Type"
            required
            placeholder="Choose a type"
            data={options(ALLIANCE_TYPES, ALLIANCE_TYPE_LABELS)}
            {...form.getInputProps('type')}
          />
          {mode === 'create' ? (
            <Select
              label="Starting stage"
              description="New alliances usually start in scouting."
              data={(['scouting', 'evaluation', 'due_diligence', 'negotiation', 'startup', 'execution'] as const).map(
                (s) => ({ value: s, label: STAGE_LABELS[s] }),
              )}
              allowDeselect={false}
              {...form.getInputProps('stage')}
            />
          ) : (
            <div />
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput
            label="Therapeutic areas"
            description="Press Enter after each area."
            placeholder="e.g. cardiometabolic"
            clearable
            {...form.getInputProps('therapeutic_areas')}
          />
          <TextInput label="Territory" placeholder="e.g. EU and US" {...form.getInputProps('territory')} />
        </SimpleGrid>
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxRows={8}
          description={counter(values.description, LIMITS.text)}
          {...form.getInputProps('description')}
        />
      </Section>

      <Section
        title="Your organisation’s priority"
        description={`How much attention the alliance deserves from ${myOrganizationName}. Each party keeps its own.`}
        icon={<IconLock size={18} color="var(--mantine-color-gray-6)" aria-hidden />}
      >
        <Stack gap={4}>
          <Text size="sm" fw={500} id="tier-label">
            {TIER_FIELD_LABEL}
          </Text>
          <SegmentedControl
            aria-labelledby="tier-label"
            data={(['1', '2', '3'] as const).map((t) => ({ value: t, label: `Tier ${t}` }))}
            {...form.getInputProps('tier')}
            w={{ base: '100%', sm: 360 }}
          />
          <Text size="xs" c="dimmed">
            {TIER_DESCRIPTIONS[Number(values.tier) as 1 | 2 | 3]} · {TIER_PRIVACY_HINT}
          </Text>
        </Stack>
        {mode === 'edit' && (
          <Textarea
            label={PRIORITY_NOTE_LABEL}
            placeholder="e.g. Board-level priority for 2027: first data read-out due in Q2."
            autosize
            minRows={2}
            maxRows={6}
            description={counter(values.priority_note, LIMITS.note) ?? `Why it has this tier; for ${myOrganizationName} only.`}
            {...form.getInputProps('priority_note')}
          />
        )}
      </Section>

      <Section
        title="Parties"
        description={`Every organisation in the alliance and its role. Your organisation is always a party.${sharedNote ? ` ${sharedNote}` : ''}`}
      >
        {partiesMessage && (
          <Alert color="red" variant="light" role="alert">
            {partiesMessage}
          </Alert>
        )}
        {values.parties.map((party, index) => {
          const mine = party.organization_id === myOrganizationId;
          const joined = !mine && !!changeControl?.joinedParties.has(party.organization_id);
          return (
            <Group key={index} align="flex-start" gap="sm" wrap="nowrap" data-party-row={index}>
              <div style={{ flex: 2, minWidth: 0 }}>
                {mine ? (
                  <TextInput
                    label={index === 0 ? 'Organisation' : undefined}
                    aria-label={`Party ${index + 1} organisation`}
                    value={`${party.organization_name} (your organisation)`}
                    readOnly
                    variant="filled"
                  />
                ) : (
                  <OrganizationSelect
                    label={index === 0 ? 'Organisation' : undefined}
                    aria-label={`Party ${index + 1} organisation`}
                    placeholder="Search the directory"
                    value={party.organization_id || null}
                    exclude={chosen}
                    known={
                      party.organization_id && party.organization_type
                        ? [{ id: party.organization_id, name: party.organization_name, type: party.organization_type }]
                        : []
                    }
                    error={form.errors[`parties.${index}.organization_id`]}
                    onChange={(org) => {
                      form.setFieldValue(`parties.${index}.organization_id`, org?.id ?? '');
                      form.setFieldValue(`parties.${index}.organization_name`, org?.name ?? '');
                      form.setFieldValue(`parties.${index}.organization_type`, org?.type ?? null);
                    }}
                  />
                )}
              </div>
              <Select
                label={index === 0 ? 'Role' : undefined}
                aria-label={`Party ${index + 1} role`}
                placeholder="Choose its role"
                data={options(PARTY_ROLES, PARTY_ROLE_LABELS)}
                style={{ flex: 1, minWidth: 130 }}
                {...form.getInputProps(`parties.${index}.role`)}
              />
              <Tooltip
                label={
                  mine
                    ? 'Your organisation stays a party'
                    : joined
                      ? `${party.organization_name} has people in this alliance, so it stays a party. To end its part, move the stage (wind-down or terminated).`
                      : 'Remove this party'
                }
                withArrow
                multiline
                maw={300}
              >
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  mt={index === 0 ? 25 : 0}
                  disabled={mine || joined}
                  aria-label={`Remove party ${index + 1}`}
                  onClick={() => form.removeListItem('parties', index)}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Tooltip>
            </Group>
          );
        })}
        <Group gap="sm">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => form.insertListItem('parties', emptyParty())}
          >
            Add a party
          </Button>
          <Button variant="subtle" leftSection={<IconBuildingPlus size={16} aria-hidden />} onClick={() => setRegistering(true)}>
            Partner not in the directory? Register it
          </Button>
        </Group>
      </Section>

      <Section
        title="North Star"
        description={
          consent
            ? `What the alliance is meant to achieve and for whom (shared: changes are proposed to ${others}), and what each party brings and expects to get out (each party writes its own).`
            : 'What the alliance is meant to achieve and for whom, what each party brings and what each expects to get out.'
        }
      >
        <Textarea
          label="Statement"
          placeholder="e.g. Cut 30-day readmissions for heart-failure patients by a fifth within three years."
          autosize
          minRows={2}
          description={counter(values.statement, LIMITS.text)}
          {...form.getInputProps('statement')}
        />
        <Textarea
          label="Beneficiaries"
          placeholder="Who is better off when the alliance succeeds?"
          autosize
          minRows={1}
          {...form.getInputProps('beneficiaries')}
        />
        <SimpleGrid cols={{ base: 1, sm: Math.min(Math.max(values.parties.length, 1), 3) }} spacing="md">
          {values.parties.map((party, index) => {
            const name = party.organization_name || `Party ${index + 1}`;
            const joining = !!consent && !consent.existingParties.has(party.organization_id);
            // Another party's words, which only its own managers change.
            const readOnly =
              !!changeControl && changeControl.existingParties.has(party.organization_id) && !changeControl.editableWords.has(party.organization_id);
            return (
              <Paper key={index} withBorder radius="md" p="md" bg="var(--mantine-color-gray-0)" data-contribution-card={name}>
                <Stack gap="sm">
                  <div>
                    <Text fw={600} size="sm">
                      {name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[party.organization_type && ORGANIZATION_TYPE_LABELS[party.organization_type], party.role && PARTY_ROLE_LABELS[party.role]]
                        .filter(Boolean)
                        .join(' · ') || 'Choose the organisation above'}
                    </Text>
                  </div>
                  {joining ? (
                    <Text size="sm" c="dimmed" fs="italic">
                      The contribution and expected value of {party.organization_name || 'this party'} can be written once the other parties
                      accept it into the alliance.
                    </Text>
                  ) : (
                    <>
                      <Textarea
                        label="Contribution"
                        aria-label={`${name} contribution`}
                        autosize
                        minRows={2}
                        readOnly={readOnly}
                        variant={readOnly ? 'filled' : 'default'}
                        {...form.getInputProps(`parties.${index}.contribution`)}
                      />
                      <Textarea
                        label="Expected value"
                        aria-label={`${name} expected value`}
                        autosize
                        minRows={2}
                        readOnly={readOnly}
                        variant={readOnly ? 'filled' : 'default'}
                        {...form.getInputProps(`parties.${index}.expected_value`)}
                      />
                      {readOnly && (
                        <Group gap={6} wrap="nowrap" align="flex-start">
                          <IconLock size={14} color="var(--mantine-color-gray-6)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                          <Text size="xs" c="dimmed">
                            {name} edits its own words: its managers change its contribution and expected value.
                          </Text>
                        </Group>
                      )}
                    </>
                  )}
                </Stack>
              </Paper>
            );
          })}
        </SimpleGrid>
      </Section>

      <RegisterOrganizationModal
        opened={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(org) => {
          setRegistering(false);
          const empty = form.values.parties.findIndex((p) => !p.organization_id);
          const row = { organization_id: org.id, organization_name: org.name, organization_type: org.type };
          if (empty >= 0) {
            form.setFieldValue(`parties.${empty}`, { ...form.values.parties[empty]!, ...row });
          } else {
            form.insertListItem('parties', { ...emptyParty(), ...row });
          }
        }}
      />
    </Stack>
  );
}
