// The first-paint baseline of `npm run bench` (issue 12): a bare Mantine page — provider, styles, a title, a text
// and a button — built by the same Vite and React as the renderer. The app's first screen is compared with it.
import '@mantine/core/styles.css'
import { Button, MantineProvider, Stack, Text, Title } from '@mantine/core'
import { createRoot } from 'react-dom/client'

createRoot(document.getElementById('root')!).render(
  <MantineProvider>
    <Stack p="md">
      <Title order={1}>ワンタイムパスワード</Title>
      <Text>Mantine only.</Text>
      <Button>次へ</Button>
    </Stack>
  </MantineProvider>,
)
