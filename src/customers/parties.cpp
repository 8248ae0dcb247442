// Parties (customers domain).
