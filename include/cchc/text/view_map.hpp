#pragma once
// A hash map from text views to values, for lookups that live as long as
// one sheet is checked or summarised (codes, code prefixes, owners): open
// addressing in one array, so adding a key allocates nothing once the
// array is big enough, and the array is reused sheet after sheet.

#include <cchc/text/unicode.hpp>

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace cchc {

template <typename Value>
class ViewMap {
public:
    /// Empties the map, keeping room for about `expected` keys.
    void clear(std::size_t expected) {
        std::size_t capacity = 16;
        while (capacity < expected * 2)
            capacity *= 2;
        if (m_slots.size() < capacity) {
            m_slots.assign(capacity, Slot());
        } else {
            for (Slot &slot : m_slots)
                slot.used = false;
        }
        m_mask = m_slots.size() - 1;
        m_count = 0;
    }

    /// The value of `key`, added as `Value()` when absent; `added` says
    /// which. The views must outlive the map's use.
    Value &get(std::string_view key, bool &added) {
        if ((m_count + 1) * 2 > m_slots.size()) grow();
        std::size_t i = TextHash()(key) & m_mask;
        for (;; i = (i + 1) & m_mask) {
            Slot &slot = m_slots[i];
            if (!slot.used) {
                slot = Slot{key, Value(), true};
                ++m_count;
                added = true;
                return slot.value;
            }
            if (slot.key == key) {
                added = false;
                return slot.value;
            }
        }
    }

    Value &operator[](std::string_view key) {
        bool added = false;
        return get(key, added);
    }

    /// The value of `key`, or null.
    const Value *find(std::string_view key) const {
        if (m_slots.empty()) return nullptr;
        for (std::size_t i = TextHash()(key) & m_mask;; i = (i + 1) & m_mask) {
            const Slot &slot = m_slots[i];
            if (!slot.used) return nullptr;
            if (slot.key == key) return &slot.value;
        }
    }

private:
    struct Slot {
        std::string_view key;
        Value value{};
        bool used = false;
    };

    void grow() {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 16 : old.size() * 2, Slot());
        m_mask = m_slots.size() - 1;
        m_count = 0;
        for (Slot &slot : old)
            if (slot.used) (*this)[slot.key] = std::move(slot.value);
    }

    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::size_t m_count = 0;
};

} // namespace cchc
