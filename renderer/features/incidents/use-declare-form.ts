import { useState, type FormEvent } from 'react';
import type { Incident, Severity } from '../../../shared/domain/incident';
import type { ContractError } from '../../../shared/ipc/errors';
import { useIncidentsStore } from './incidents.store';

/** State and submit handler of the declare form. */
export function useDeclareForm(onDeclared: (incident: Incident) => void) {
  const declare = useIncidentsStore((state) => state.declare);
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [commander, setCommander] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await declare({
      title,
      severity: severity === '' ? null : severity,
      commander: commander.trim() === '' ? null : commander,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setTitle('');
    setSeverity('');
    setCommander('');
    onDeclared(result.value);
  };

  return {
    title,
    setTitle,
    severity,
    setSeverity,
    commander,
    setCommander,
    error,
    busy,
    submit,
  };
}
