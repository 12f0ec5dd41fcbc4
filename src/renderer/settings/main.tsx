import { boot } from '../boot';
import { SettingsApp } from './settings-app';

boot((bridge) => () => <SettingsApp bridge={bridge} />);
