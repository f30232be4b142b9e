import { useEffect, useState } from 'react'

export const themes = ['system', 'light', 'dark'] as const
export type Theme = (typeof themes)[number]

const storageKey = 'redress.theme'

function savedTheme(): Theme {
  const saved = window.localStorage.getItem(storageKey)
  return (themes as readonly string[]).includes(saved ?? '') ? (saved as Theme) : 'system'
}

/** Applies a theme: "system" follows the OS through prefers-color-scheme in CSS. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement
  if (theme === 'system') delete root.dataset['theme']
  else root.dataset['theme'] = theme
}

export function applySavedTheme(): void {
  applyTheme(savedTheme())
}

export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(savedTheme)
  useEffect(() => {
    applyTheme(theme)
    window.localStorage.setItem(storageKey, theme)
  }, [theme])
  return [theme, setTheme]
}
