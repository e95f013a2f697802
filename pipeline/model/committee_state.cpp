#include "model/committee_state.hpp"

namespace model {

const char* stage_word(CommitteeState::Stage stage) {
    switch (stage) {
        case CommitteeState::Stage::Draft: return "utkast";
        case CommitteeState::Stage::Sent: return "skickat";
        case CommitteeState::Stage::Decided: return "beslutat";
    }
    return "utkast";
}

std::string describe(const CommitteeState& state) {
    std::string text = stage_word(state.stage());
    if (state.decided)
        text += " " + core::to_iso(*state.decided) + (state.paragraph.empty() ? "" : " " + state.paragraph);
    else if (state.sent)
        text += " " + core::to_iso(*state.sent);
    if (state.version() > 1) text += ", version " + std::to_string(state.version());
    return text;
}

}  // namespace model
