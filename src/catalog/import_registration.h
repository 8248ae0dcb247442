// The catalog's import kind ("products"), registered into the customers domain's import registry.
#pragma once

namespace rapport::catalog {

void register_product_import_kind();

} // namespace rapport::catalog
