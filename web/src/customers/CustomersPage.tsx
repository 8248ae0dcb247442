import { PartyList } from './PartyList';

export function CustomersPage() {
  return <PartyList kind="customers" />;
}
