// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Device.Gpio;
using TinTin.Firmware.Core;
using TinTin.Firmware.Core.App;
using TinTin.Firmware.Core.Storage;

namespace TinTin.Firmware.Stm32
{
    /// <summary>
    /// The STM32 boards behind <see cref="IBoard"/>: GC heap figure (no native heap API), no
    /// checkpoint storage (the NUCLEO-F091RC image has no file system; the F769's SD card is not wired
    /// up yet), the user LED and the user button. GPIO numbers are port × 16 + pin (PA5 = 5, PC13 = 45).
    /// </summary>
    public sealed class Stm32Board : IBoard
    {
        private const int DebounceUs = 50000;

        private readonly GpioPin _led;
        private readonly GpioPin _button;
        private readonly bool _buttonActiveLow;
        private readonly IDeviceClock _clock;
        private bool _wasPressed;
        private long _lastChangeUs;

        /// <summary>Opens the LED and the button.</summary>
        /// <param name="target">The target's table entry.</param>
        /// <param name="ledPin">The user LED's GPIO (active high).</param>
        /// <param name="buttonPin">The user button's GPIO.</param>
        /// <param name="buttonActiveLow">Whether the button pulls the pin low when pressed.</param>
        /// <param name="clock">The µs clock (for debouncing).</param>
        public Stm32Board(BoardTarget target, int ledPin, int buttonPin, bool buttonActiveLow, IDeviceClock clock)
        {
            TargetName = target.Name;
            HasFpu = target.HasFpu;
            _clock = clock;
            _buttonActiveLow = buttonActiveLow;
            GpioController gpio = new GpioController();
            _led = gpio.OpenPin(ledPin, PinMode.Output);
            _button = gpio.OpenPin(buttonPin, PinMode.Input);
        }

        /// <inheritdoc/>
        public string TargetName { get; }

        /// <inheritdoc/>
        public bool HasFpu { get; }

        /// <inheritdoc/>
        public ICheckpointFiles Storage
        {
            get { return null; }
        }

        /// <inheritdoc/>
        public long ManagedFreeBytes()
        {
            return nanoFramework.Runtime.Native.GC.Run(false);
        }

        /// <inheritdoc/>
        public bool TryReadNativeMemory(out long free, out long largestBlock)
        {
            free = 0;
            largestBlock = 0;
            return false;
        }

        /// <inheritdoc/>
        public void SetLed(bool on)
        {
            _led.Write(on ? PinValue.High : PinValue.Low);
        }

        /// <inheritdoc/>
        public bool TakeButtonPress()
        {
            bool pressed = (_button.Read() == PinValue.Low) == _buttonActiveLow;
            long now = _clock.Microseconds;
            if (pressed == _wasPressed || now - _lastChangeUs < DebounceUs)
            {
                return false;
            }

            _wasPressed = pressed;
            _lastChangeUs = now;
            return pressed;
        }
    }
}
