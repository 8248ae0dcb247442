import { PartyList } from '../customers/PartyList';

export function SuppliersPage() {
  return <PartyList kind="suppliers" />;
}
