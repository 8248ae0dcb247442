#include "customers/import_kinds.h"

namespace rapport::customers {

namespace {

// Filled once at start-up (app::register_domains) and only read afterwards, so no lock: the
// import runner and request workers hold pointers into it, which std::map never moves.
std::map<std::string, ImportKind>& registry()
{
    static std::map<std::string, ImportKind> kinds;
    return kinds;
}

} // namespace

void register_import_kind(ImportKind kind)
{
    auto name = kind.name;
    registry()[name] = std::move(kind);
}

const ImportKind* find_import_kind(const std::string& name)
{
    auto found = registry().find(name);
    return found == registry().end() ? nullptr : &found->second;
}

std::vector<std::string> import_kind_names()
{
    std::vector<std::string> names;
    for (const auto& [name, kind] : registry())
        names.push_back(name);
    return names;
}

} // namespace rapport::customers
