// The kiosk's own words for the screens: the string table lives in kiosk/i18n (no GUI), so that the
// website generator reads the same .po files with the same reader; the screens call it as ui::tr.
#pragma once

#include "kiosk/i18n/strings.hpp"

namespace kiosk::ui {

using i18n::addUiStrings;
using i18n::forEachUiString;
using i18n::hoursWords;
using i18n::isRightToLeft;
using i18n::isUiLanguage;
using i18n::languageEndonym;
using i18n::languageName;
using i18n::listedUiLanguages;
using i18n::loadUiStrings;
using i18n::problemText;
using i18n::startLoadingUiStrings;
using i18n::TranslationProblem;
using i18n::countText;
using i18n::tr;
using i18n::trn;
using i18n::uiLanguages;
using i18n::untranslatedKeys;
using i18n::waitForUiStrings;

}  // namespace kiosk::ui
