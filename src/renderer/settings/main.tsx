import { boot } from '../boot';
import { SettingsApp } from './settings-app';

void boot((bridge) => () => <SettingsApp bridge={bridge} />);
