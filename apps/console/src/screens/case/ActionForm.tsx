/**
 * One small form per case action (freeze, release, note, …): fields from a list, the API's
 * field errors beside their fields, the problem's message above the button. Every action of the
 * page goes through `useCaseAction`, so a 409 (someone claimed first, the money no longer fits)
 * is said in the user's language and the case is fetched again.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import {
  Button,
  FieldError,
  Form,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  TextArea,
  TextField,
} from 'react-aria-components';
import { MoneyInput } from '../../components/MoneyInput';
import { CaseProblem } from './CaseProblem';
import { useT, type CaseKey } from './case-i18n';
import { useCaseAction } from './use-case-action';

export type FieldSpec =
  | {
      kind: 'text' | 'textarea' | 'datetime' | 'integer' | 'money';
      name: string;
      label: CaseKey;
      required?: boolean;
    }
  | {
      kind: 'select';
      name: string;
      label: CaseKey;
      required?: boolean;
      options: ReadonlyArray<{ id: string; label: string }>;
    };

export type FormValues = Record<string, string>;

interface ActionFormProps {
  caseId: string;
  /** Names the form for assistive technology and the Playwright suite. */
  title: CaseKey;
  submit: CaseKey;
  fields: readonly FieldSpec[];
  initial?: FormValues;
  run: (values: FormValues) => Promise<unknown>;
  onDone?: () => void;
  children?: ReactNode;
}

/** `datetime-local` value of now, in the browser's zone. */
export function localNow(): string {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A `datetime-local` value as the ISO instant the API takes. */
export const isoOf = (local: string): string => new Date(local).toISOString();

/** Drops empty optional fields: the API treats `null`/"" as wrong, absent as absent. */
export function present(values: FormValues, name: string): string | undefined {
  const v = values[name]?.trim();
  return v ? v : undefined;
}

export function ActionForm(props: ActionFormProps) {
  const t = useT();
  const [values, setValues] = useState<FormValues>(() => initialValues(props));
  const action = useCaseAction(props.caseId, props.run, () => {
    setValues(initialValues(props));
    props.onDone?.();
  });
  const set = (name: string) => (v: string) => setValues((old) => ({ ...old, [name]: v }));
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    action.mutate(values);
  };
  const headingId = useId();

  return (
    <Form
      className="case-form"
      aria-labelledby={headingId}
      onSubmit={onSubmit}
      validationErrors={action.fieldErrors}
    >
      <p className="case-form-title" id={headingId}>
        {t(props.title)}
      </p>
      {props.children}
      {props.fields.map((f) => (
        <Field
          key={f.name}
          spec={f}
          value={values[f.name] ?? ''}
          onChange={set(f.name)}
          serverError={action.fieldErrors[f.name]}
        />
      ))}
      {action.problem && <CaseProblem problem={action.problem} />}
      <Button type="submit" isDisabled={action.isPending}>
        {t(props.submit)}
      </Button>
    </Form>
  );
}

function initialValues(props: ActionFormProps): FormValues {
  const values: FormValues = { ...props.initial };
  for (const f of props.fields) {
    if (f.kind === 'datetime' && values[f.name] === undefined) values[f.name] = localNow();
  }
  return values;
}

function Field({
  spec,
  value,
  onChange,
  serverError,
}: {
  spec: FieldSpec;
  value: string;
  onChange: (v: string) => void;
  serverError?: string;
}) {
  const t = useT();
  const label = t(spec.label);
  if (spec.kind === 'money') {
    return (
      <MoneyInput
        name={spec.name}
        label={label}
        onChange={(decimal) => onChange(decimal ?? '')}
        serverError={serverError}
      />
    );
  }
  if (spec.kind === 'select') {
    return (
      <OptionSelect
        name={spec.name}
        label={label}
        required={spec.required}
        value={value}
        onChange={onChange}
        options={spec.options}
      />
    );
  }
  const type =
    spec.kind === 'datetime' ? 'datetime-local' : spec.kind === 'integer' ? 'number' : 'text';
  return (
    <TextField name={spec.name} isRequired={spec.required} value={value} onChange={onChange}>
      <Label>{label}</Label>
      {spec.kind === 'textarea' ? <TextArea /> : <Input type={type} />}
      <FieldError />
    </TextField>
  );
}

/** A labelled react-aria Select over fixed options; the value is the option id ('' = none). */
export function OptionSelect(props: {
  name: string;
  label: string;
  required?: boolean;
  value: string;
  onChange: (v: string) => void;
  options: ReadonlyArray<{ id: string; label: string }>;
}) {
  const t = useT();
  return (
    <Select
      name={props.name}
      isRequired={props.required}
      selectedKey={props.value || null}
      onSelectionChange={(k) => props.onChange(k === null ? '' : String(k))}
      placeholder={t('case.form.choose')}
    >
      <Label>{props.label}</Label>
      <Button>
        <SelectValue />
        <span aria-hidden="true"> ▾</span>
      </Button>
      <FieldError />
      <Popover>
        <ListBox items={props.options}>
          {(o) => <ListBoxItem id={o.id}>{o.label}</ListBoxItem>}
        </ListBox>
      </Popover>
    </Select>
  );
}
