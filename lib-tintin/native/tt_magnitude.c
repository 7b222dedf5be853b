/* Copyright (c) TinTin.Nano contributors. Licensed under the MIT license. */
#include "tt_magnitude.h"

int32_t tt_bit_length_u32(uint32_t value)
{
    int32_t length = 0;
    if (value >= 0x10000u)
    {
        value >>= 16;
        length = 16;
    }

    if (value >= 0x100u)
    {
        value >>= 8;
        length += 8;
    }

    if (value >= 0x10u)
    {
        value >>= 4;
        length += 4;
    }

    if (value >= 0x4u)
    {
        value >>= 2;
        length += 2;
    }

    if (value >= 0x2u)
    {
        value >>= 1;
        length += 1;
    }

    return length + (int32_t)value;
}

int32_t tt_bit_length_i32(int32_t value)
{
    return tt_bit_length_u32(value < 0 ? 0u - (uint32_t)value : (uint32_t)value);
}

int32_t tt_max_abs_i32(const int32_t *values, int32_t offset, int32_t count)
{
    /* The most negative -|v| is always representable, even for INT32_MIN. */
    int32_t lowest = 0;
    int32_t end = offset + count;
    int32_t i;
    for (i = offset; i < end; i++)
    {
        int32_t v = values[i];
        if (v > 0)
        {
            v = -v;
        }

        if (v < lowest)
        {
            lowest = v;
        }
    }

    return lowest == INT32_MIN ? INT32_MAX : -lowest;
}

int32_t tt_max_abs_i8(const int8_t *values, int32_t offset, int32_t count)
{
    /* max |v| = max(largest, -smallest): two compares per value, no negation */
    int32_t highest = 0;
    int32_t lowest = 0;
    const int8_t *p = values + offset;
    int32_t n = count;
    if (n <= 0)
    {
        return 0;
    }

    do
    {
        int32_t v = *p++;
        if (v > highest)
        {
            highest = v;
        }

        if (v < lowest)
        {
            lowest = v;
        }
    } while (--n != 0);

    return -lowest > highest ? -lowest : highest;
}

int32_t tt_mostly_zeros(const int8_t *values, int32_t count)
{
    int32_t zeros = 0;
    int32_t i;
    for (i = 0; i < count; i++)
    {
        if (values[i] == 0)
        {
            zeros++;
        }
    }

    return tt_mul32(zeros, 4) >= count;
}
