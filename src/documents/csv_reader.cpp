#include "documents/csv_reader.h"

#include "documents/text_decoding.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <optional>

namespace rapport::documents {

namespace {

using Record = std::vector<std::string>;

struct ParsedRecords {
    std::vector<Record> records;
    std::optional<std::size_t> unterminated_quote_line; // set when the text ended inside quotes
};

// A record of one empty, unquoted field is what a blank line parses to.
bool is_blank(const Record& record, bool had_quotes)
{
    return !had_quotes && record.size() == 1 && record.front().empty();
}

// One pass of the RFC 4180 state machine. A quote only opens a quoted field at the start of a
// field; stray quotes elsewhere are kept as text, as spreadsheet programs do.
// `record_limit` stops early when only a sample is needed to pick the delimiter.
ParsedRecords parse_records(std::string_view text, char delimiter, std::size_t record_limit)
{
    ParsedRecords parsed;
    Record record;
    std::string field;
    bool in_quotes = false;
    bool field_started = false;
    bool record_had_quotes = false;
    std::size_t line = 1;
    std::size_t quote_line = 0;

    auto end_field = [&] {
        record.push_back(std::move(field));
        field.clear();
        field_started = false;
    };
    auto end_record = [&] {
        end_field();
        if (!is_blank(record, record_had_quotes))
            parsed.records.push_back(std::move(record));
        record.clear();
        record_had_quotes = false;
    };

    for (std::size_t i = 0; i < text.size() && parsed.records.size() < record_limit; ++i) {
        char c = text[i];
        if (in_quotes) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                in_quotes = false;
            } else {
                std::size_t end = std::min(text.find('"', i), text.size());
                std::string_view quoted = text.substr(i, end - i);
                line += static_cast<std::size_t>(std::count(quoted.begin(), quoted.end(), '\n'));
                field += quoted;
                i = end - 1;
            }
            continue;
        }

        if (c == '"' && !field_started) {
            in_quotes = true;
            field_started = true;
            record_had_quotes = true;
            quote_line = line;
        } else if (c == delimiter) {
            end_field();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            ++line;
            end_record();
        } else {
            const char stops[] = { delimiter, '"', '\r', '\n' };
            std::size_t end
                = std::min(text.find_first_of(std::string_view(stops, 4), i + 1), text.size());
            field += text.substr(i, end - i);
            field_started = true;
            i = end - 1;
        }
    }

    if (in_quotes) {
        parsed.unterminated_quote_line = quote_line;
        return parsed;
    }
    if (parsed.records.size() < record_limit && (field_started || !record.empty()))
        end_record();
    return parsed;
}

// The delimiter that splits the first records into the most columns, consistently: most rows
// having the header's width counts first, then the width itself.
char detect_delimiter(std::string_view text)
{
    constexpr std::array<char, 3> candidates { ',', ';', '\t' };
    constexpr std::size_t sample_records = 20;
    std::string_view sample_text = text.substr(0, 64 * 1024); // a huge first field costs nothing

    char best = ',';
    std::pair<std::size_t, std::size_t> best_score { 0, 0 };
    for (char delimiter : candidates) {
        ParsedRecords sample = parse_records(sample_text, delimiter, sample_records);
        if (sample.records.empty() || sample.records.front().size() < 2)
            continue;

        std::size_t width = sample.records.front().size();
        std::size_t consistent = 0;
        for (const Record& record : sample.records)
            consistent += record.size() == width ? 1 : 0;
        std::pair<std::size_t, std::size_t> score { consistent, width };
        if (score > best_score) {
            best_score = score;
            best = delimiter;
        }
    }
    return best;
}

std::string trim(std::string_view text)
{
    constexpr std::string_view space = " \t\r\n";
    std::size_t first = text.find_first_not_of(space);
    if (first == std::string_view::npos)
        return {};
    std::size_t last = text.find_last_not_of(space);
    return std::string(text.substr(first, last - first + 1));
}

} // namespace

Result<Table> read_csv(std::string_view bytes, const CsvOptions& options)
{
    if (bytes.size() > max_document_bytes)
        return file_too_large(bytes.size());

    Result<DecodedText> decoded = decode_text(bytes, options.encoding);
    if (!decoded)
        return decoded.take_error();
    std::string_view text = decoded->utf8;
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);

    char delimiter = options.delimiter != 0 ? options.delimiter : detect_delimiter(text);
    ParsedRecords parsed = parse_records(text, delimiter, static_cast<std::size_t>(-1));
    if (parsed.unterminated_quote_line)
        return Error::make(ErrorCode::invalid_input, "csv_unterminated_quote",
            fmt::format("The quoted field starting on line {} is never closed.",
                *parsed.unterminated_quote_line));

    Table table { {}, {}, "csv", decoded->encoding, delimiter };
    if (parsed.records.empty())
        return table;
    for (const std::string& header : parsed.records.front())
        table.headers.push_back(trim(header));

    table.rows.assign(std::make_move_iterator(parsed.records.begin() + 1),
        std::make_move_iterator(parsed.records.end()));
    for (Record& row : table.rows)
        if (row.size() < table.headers.size())
            row.resize(table.headers.size());
    return table;
}

} // namespace rapport::documents
