// E-mail addresses as a roster gives them: a plain addr-spec
// ("ssr2-staff@icann.org"), checked strictly enough to be put in a mail
// header or an SMTP command as it is.
#pragma once

#include <string_view>

namespace plenary {

// Whether `text` is LOCAL@DOMAIN: at most 254 bytes; LOCAL of RFC 5321
// atext characters and single dots (not first or last); DOMAIN of two or more
// dot-separated labels of letters, digits and hyphens (not first or last in a
// label, at most 63 bytes each). Quoted local parts, address literals,
// display names, spaces and control characters are refused.
bool IsEmailAddress(std::string_view text);

}  // namespace plenary
