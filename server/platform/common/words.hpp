// The words people read for values ("in_dispute" → "In dispute"), from docs/words.json — the one
// mapping the web app uses too — compiled into the binary. For exports and notifications.
#pragma once

#include <string>
#include <string_view>

namespace northstar {

// The document as embedded at build time (cmake/embed.cmake).
std::string_view WordsDocument();

// The word for `value` in `group` ("occurrence.status", "in_dispute"); the value itself when the
// mapping has none, so a new value still reads as something.
std::string Word(std::string_view group, std::string_view value);

// A word as a label or at the start of a sentence: "forecast date" → "Forecast date". Field words
// are stored as they read inside a sentence ("North Star statement", "alliance type").
std::string Capitalised(std::string_view word);

}  // namespace northstar
