// Products (catalog domain).
