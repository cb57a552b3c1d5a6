// Covers the window while a request runs, so nothing can be pressed twice and no one navigates away (OTP-10).
import { Loader, Overlay, Stack, Text } from '@mantine/core'

export function BusyOverlay({ label }: { label: string }) {
  return (
    <Overlay fixed color="#fff" backgroundOpacity={0.75} blur={1} zIndex={200} center>
      <Stack align="center" gap="sm" role="status" aria-live="polite" data-testid="busy-overlay">
        <Loader color="teal" />
        <Text fw={700} c="navy.9">
          {label}
        </Text>
      </Stack>
    </Overlay>
  )
}
