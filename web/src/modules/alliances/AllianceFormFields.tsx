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
import { IconBuildingPlus, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { RegisterOrganizationModal } from '../organizations/RegisterOrganizationModal';
import {
  ALLIANCE_TYPE_LABELS,
  ALLIANCE_TYPES,
  ORGANIZATION_TYPE_LABELS,
  PARTY_ROLE_LABELS,
  PARTY_ROLES,
  STAGE_LABELS,
  TIER_DESCRIPTIONS,
  options,
} from '../../ui/labels';
import { emptyParty, LIMITS, partiesProblem, validateAlliance, type AllianceFormValues } from './formModel';

export type AllianceForm = UseFormReturnType<AllianceFormValues>;

export function useAllianceForm(initialValues: AllianceFormValues): AllianceForm {
  return useForm<AllianceFormValues>({
    mode: 'controlled',
    initialValues,
    validateInputOnChange: true,
    validate: validateAlliance,
  });
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
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

export function AllianceFormFields({
  form,
  myOrganizationId,
  mode,
  showPartiesProblem,
}: {
  form: AllianceForm;
  myOrganizationId: string;
  mode: 'create' | 'edit';
  showPartiesProblem: boolean;
}) {
  const [registering, setRegistering] = useState(false);
  const values = form.values;
  const chosen = values.parties.map((p) => p.organization_id).filter(Boolean);
  const partiesMessage = showPartiesProblem ? partiesProblem(values, myOrganizationId) : null;

  return (
    <Stack gap="lg">
      <Section title="The alliance" description="What it is and how much attention it deserves.">
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
        <Stack gap={4}>
          <Text size="sm" fw={500} id="tier-label">
            Tier
          </Text>
          <SegmentedControl
            aria-labelledby="tier-label"
            data={(['1', '2', '3'] as const).map((t) => ({ value: t, label: `Tier ${t}` }))}
            {...form.getInputProps('tier')}
            w={{ base: '100%', sm: 360 }}
          />
          <Text size="xs" c="dimmed">
            {TIER_DESCRIPTIONS[Number(values.tier) as 1 | 2 | 3]}
          </Text>
        </Stack>
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

      <Section title="Parties" description="Every organisation in the alliance and its role. Your organisation is always a party.">
        {partiesMessage && (
          <Alert color="red" variant="light" role="alert">
            {partiesMessage}
          </Alert>
        )}
        {values.parties.map((party, index) => {
          const mine = party.organization_id === myOrganizationId;
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
              <Tooltip label={mine ? 'Your organisation stays a party' : 'Remove this party'} withArrow>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  mt={index === 0 ? 25 : 0}
                  disabled={mine}
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
        description="What the alliance is meant to achieve and for whom, what each party brings and what each expects to get out."
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
          {values.parties.map((party, index) => (
            <Paper key={index} withBorder radius="md" p="md" bg="var(--mantine-color-gray-0)">
              <Stack gap="sm">
                <div>
                  <Text fw={600} size="sm">
                    {party.organization_name || `Party ${index + 1}`}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[party.organization_type && ORGANIZATION_TYPE_LABELS[party.organization_type], party.role && PARTY_ROLE_LABELS[party.role]]
                      .filter(Boolean)
                      .join(' · ') || 'Choose the organisation above'}
                  </Text>
                </div>
                <Textarea
                  label="Contribution"
                  aria-label={`${party.organization_name || `Party ${index + 1}`} contribution`}
                  autosize
                  minRows={2}
                  {...form.getInputProps(`parties.${index}.contribution`)}
                />
                <Textarea
                  label="Expected value"
                  aria-label={`${party.organization_name || `Party ${index + 1}`} expected value`}
                  autosize
                  minRows={2}
                  {...form.getInputProps(`parties.${index}.expected_value`)}
                />
              </Stack>
            </Paper>
          ))}
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
