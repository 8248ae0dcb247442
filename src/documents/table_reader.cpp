#include "documents/table_reader.h"

#include "documents/text_decoding.h"
#include "documents/xlsx_reader.h"

#include <fmt/format.h>

namespace rapport::documents {

namespace {

// The import preview shows one message per upload, so it says which file it is about.
Error naming_file(Error error, std::string_view filename)
{
    if (!filename.empty())
        error.message = fmt::format("{}: {}", filename, error.message);
    return error;
}

} // namespace

Result<Table> read_table(
    std::string_view bytes, std::string_view filename, const CsvOptions& options)
{
    if (bytes.size() > max_document_bytes)
        return naming_file(file_too_large(bytes.size()), filename);

    Result<Table> table
        = bytes.starts_with("PK\x03\x04") ? read_xlsx(bytes) : read_csv(bytes, options);
    if (!table)
        return naming_file(table.take_error(), filename);
    return table;
}

} // namespace rapport::documents
