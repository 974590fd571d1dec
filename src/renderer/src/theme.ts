import {
  ActionIcon,
  Autocomplete,
  Badge,
  Button,
  Modal,
  SegmentedControl,
  Select,
  TagsInput,
  Textarea,
  TextInput,
  Tooltip,
  createTheme
} from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'

/** Dense by default: a tool used all day on a laptop screen, not a landing page. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  respectReducedMotion: true,
  components: {
    ActionIcon: ActionIcon.extend({ defaultProps: { size: 'sm', variant: 'subtle' } }),
    Autocomplete: Autocomplete.extend({ defaultProps: { size: 'xs' } }),
    Badge: Badge.extend({ defaultProps: { size: 'sm', radius: 'sm' } }),
    Button: Button.extend({ defaultProps: { size: 'xs' } }),
    DatePickerInput: DatePickerInput.extend({ defaultProps: { size: 'xs' } }),
    Modal: Modal.extend({ defaultProps: { size: 'lg', centered: true } }),
    SegmentedControl: SegmentedControl.extend({ defaultProps: { size: 'xs' } }),
    Select: Select.extend({
      defaultProps: { size: 'xs', allowDeselect: false, comboboxProps: { shadow: 'md' } }
    }),
    TagsInput: TagsInput.extend({ defaultProps: { size: 'xs' } }),
    Textarea: Textarea.extend({ defaultProps: { size: 'xs' } }),
    TextInput: TextInput.extend({ defaultProps: { size: 'xs' } }),
    Tooltip: Tooltip.extend({ defaultProps: { openDelay: 400, withArrow: true, fz: 'xs' } })
  }
})
