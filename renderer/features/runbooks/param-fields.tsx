import type { RunbookParam } from '../../../shared/domain/runbook';
import { useRunbooksStore } from './runbooks.store';

/** Renders one input per runbook parameter: a select for enums and booleans, hidden text for secrets. */
export function ParamFields({ params }: { params: RunbookParam[] }) {
  const { params: values, setParam } = useRunbooksStore();

  return (
    <fieldset className="params">
      <legend>Parameters</legend>
      {params.map((param) => (
        <label key={param.name} className="field" title={param.description}>
          <span>
            <span className="mono">
              {param.name}
              {param.required && ' *'}
            </span>
            {param.description && <span className="param-hint">{param.description}</span>}
          </span>
          <ParamInput
            param={param}
            value={values[param.name] ?? ''}
            onChange={(value) => setParam(param.name, value)}
          />
        </label>
      ))}
    </fieldset>
  );
}

function ParamInput(props: {
  param: RunbookParam;
  value: string;
  onChange: (value: string) => void;
}) {
  const { param } = props;
  const options = param.type === 'bool' ? ['true', 'false'] : param.options;
  if (options && (param.type === 'enum' || param.type === 'bool')) {
    return (
      <select
        aria-label={`Parameter ${param.name}`}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">—</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      aria-label={`Parameter ${param.name}`}
      className="mono"
      type={param.type === 'secret' ? 'password' : 'text'}
      autoComplete="off"
      value={props.value}
      placeholder={param.pattern ? `matches ${param.pattern}` : undefined}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}
