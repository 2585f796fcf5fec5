#include "app/importing.h"

#include <sodium.h>

#include "importers/formats.h"
#include "importers/roster_file.h"
#include "importers/source_text.h"

namespace plenary {

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

Result<ImportPlan> PlanImport(const ImportRequest& request,
                              const std::vector<Roster>& known_rosters) {
  ImportPlan plan;
  ReadOptions options;
  options.year = request.year;
  options.group = request.group;
  if (request.roster) {
    auto source = SourceText::Load(request.roster->name, request.roster->bytes);
    if (!source.ok()) return source.error();
    auto roster = ReadRoster(*source);
    if (!roster.ok()) return roster.error();
    plan.batch.roster = *roster;
    options.rosters.push_back(*roster);
  }
  for (const Roster& known : known_rosters) {
    if (!plan.batch.roster || known.group.short_name != plan.batch.roster->group.short_name)
      options.rosters.push_back(known);
  }
  std::size_t inputs_read = 0, items_read = 0;
  for (const NamedInput& input : request.notes) {
    auto source = SourceText::Load(input.name, input.bytes);
    if (!source.ok()) return source.error();
    auto read = ReadMinutes(*source, options, request.format);
    if (!read.ok()) return read.error();
    Minutes& minutes = read->minutes;
    plan.warnings.insert(plan.warnings.end(), minutes.notices.begin(), minutes.notices.end());
    plan.formats.push_back({input.name, read->format, read->why});
    // A file that holds several meetings is one source per meeting: the same
    // bytes' digest, told apart by the meeting's key.
    const std::string digest = Sha256Hex(input.bytes);
    for (Meeting& meeting : minutes.meetings) {
      items_read += meeting.actions.size();
      plan.batch.meetings.push_back({std::move(meeting), {input.name, digest}});
    }
    if (request.on_input_read) request.on_input_read(++inputs_read, items_read);
  }
  return plan;
}

}  // namespace plenary
